using System;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace KubeLab.Processes
{
    /// <summary>
    /// Who KubeLab runs as and on whose behalf: the effective user, whether that is root, the user who
    /// invoked sudo (SUDO_USER) and their home, and whether sudo works without a password prompt.
    /// The one place every elevation decision reads from.
    /// </summary>
    public sealed class SystemIdentity
    {
        // POSIX portable user names plus the common '$' suffix for machine accounts, as useradd accepts them by default.
        private static readonly Regex ValidUserName = new Regex(@"^[a-z_][a-z0-9_-]{0,30}\$?$", RegexOptions.CultureInvariant);

        private readonly ICommandRunner _runner;
        private readonly Lazy<Task<bool>> _canSudo;

        public SystemIdentity(ICommandRunner runner)
            : this(runner, UserDatabase.EffectiveUserId(), Environment.GetEnvironmentVariable("SUDO_USER"), Environment.UserName, HomeDirectory.Find())
        {
        }

        /// <summary>For tests: an identity with the given facts instead of this process's.</summary>
        public SystemIdentity(ICommandRunner runner, uint effectiveUid, string? sudoUser, string userName, string home)
        {
            _runner = runner;
            IsRoot = effectiveUid == 0;
            UserName = userName;
            Home = home;

            // SUDO_USER only means something while we are root through sudo; "root" invoking sudo is plain root.
            InvokingUser = IsRoot && !string.IsNullOrEmpty(sudoUser) && sudoUser != "root" && IsValidUserName(sudoUser!) ? sudoUser! : userName;
            InvokingUserHome = InvokingUser == userName ? home : UserDatabase.HomeOf(InvokingUser) ?? "/home/" + InvokingUser;
            _canSudo = new Lazy<Task<bool>>(ProbeSudoAsync, LazyThreadSafetyMode.ExecutionAndPublication);
        }

        /// <summary>The effective user's name.</summary>
        public string UserName { get; }

        /// <summary>The effective user's home, as client-go finds it (HOME first).</summary>
        public string Home { get; }

        public bool IsRoot { get; }

        /// <summary>True when root came from sudo: the person at the keyboard is <see cref="InvokingUser"/>.</summary>
        public bool IsElevatedThroughSudo => IsRoot && InvokingUser != UserName;

        /// <summary>The person behind the command: SUDO_USER under sudo, else the effective user.</summary>
        public string InvokingUser { get; }

        public string InvokingUserHome { get; }

        /// <summary>Whether a user name is one that useradd accepts by default; anything else never reaches a command.</summary>
        public static bool IsValidUserName(string name) => ValidUserName.IsMatch(name);

        /// <summary>Whether `sudo -n true` succeeds: sudo without a prompt (NOPASSWD, or a fresh `sudo -v`). Asked once.</summary>
        public Task<bool> CanSudoWithoutPromptAsync() => IsRoot ? Task.FromResult(true) : _canSudo.Value;

        private async Task<bool> ProbeSudoAsync()
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                var result = await _runner.RunAsync(new CommandSpec("sudo", "-n", "true"), timeout.Token).ConfigureAwait(false);
                return result.Succeeded;
            }
            catch (Exception ex) when (ex is ProgramNotFoundException || ex is OperationCanceledException)
            {
                return false;
            }
        }
    }
}
