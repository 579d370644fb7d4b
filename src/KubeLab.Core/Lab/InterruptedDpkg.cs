using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KubeLab.Docker;
using KubeLab.Processes;

namespace KubeLab.Lab
{
    /// <summary>
    /// A Docker install stopped in the middle (Ctrl+C kills apt-get and its dpkg) leaves dpkg's journal behind, and
    /// every later apt-get then refuses with "dpkg was interrupted, you must manually run 'dpkg --configure -a'". The
    /// lab resumes by running exactly that first. dpkg writes one journal file per pending change, named by a number,
    /// in /var/lib/dpkg/updates (dpkg's own "is the journal empty" test).
    /// </summary>
    public sealed class InterruptedDpkg
    {
        public const string DefaultUpdatesFolder = "/var/lib/dpkg/updates";

        private readonly DockerCommands _commands;
        private readonly string _updates;

        public InterruptedDpkg(DockerCommands commands, string updatesFolder = DefaultUpdatesFolder)
        {
            _commands = commands;
            _updates = updatesFolder;
        }

        public static CommandSpec Repair { get; } = new CommandSpec("dpkg", "--configure", "-a");

        /// <summary>Reads the folder only.</summary>
        public bool IsInterrupted =>
            Directory.Exists(_updates) && Directory.EnumerateFiles(_updates).Select(Path.GetFileName).Any(name => name.Length > 0 && name.All(char.IsDigit));

        public Task RepairAsync(CancellationToken cancellationToken) =>
            _commands.RunAsRootAsync(Repair, "Finishing the package changes an interrupted apt left half done", cancellationToken);
    }
}
