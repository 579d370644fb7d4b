using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using KubeLab.Host;
using KubeLab.Downloads;
using KubeLab.Processes;

namespace KubeLab.Docker
{
    /// <summary>What Install-Docker was asked for.</summary>
    public sealed class DockerInstallOptions
    {
        public DockerSource Source { get; set; } = DockerSource.Official;

        /// <summary>An apt version as `apt-cache madison` lists it, or its upstream part (29.4.0, 29.4).</summary>
        public string? Version { get; set; }

        /// <summary>The fingerprint the downloaded key must have; default Docker's published one.</summary>
        public string? KeyFingerprint { get; set; }

        /// <summary>Run every step even when the packages are already there.</summary>
        public bool Force { get; set; }

        /// <summary>Leave the daemon stopped (image builds, or packages without a daemon).</summary>
        public bool NoStart { get; set; }

        /// <summary>-WhatIf: after a declined step keep asking, so the whole plan is listed.</summary>
        public bool ListWholePlan { get; set; }
    }

    /// <summary>One step of a Docker plan: what -WhatIf shows (target and action) and what it does.</summary>
    public sealed class DockerStep
    {
        public DockerStep(string target, string action, Func<CancellationToken, Task> run)
        {
            Target = target;
            Action = action;
            Run = run;
        }

        public string Target { get; }

        public string Action { get; }

        public Func<CancellationToken, Task> Run { get; }

        public override string ToString() => Action + ": " + Target;
    }

    /// <summary>Progress of a Docker plan: step n of total.</summary>
    public sealed class DockerProgress
    {
        public DockerProgress(int step, int total, string description)
        {
            Step = step;
            Total = total;
            Description = description;
        }

        public int Step { get; }

        public int Total { get; }

        public string Description { get; }
    }

    /// <summary>
    /// Install-Docker and Uninstall-Docker: Docker's own apt repository (docs: docker/docs engine/install) or the
    /// distribution's docker.io. Read-only facts are gathered first (os-release, dpkg's database, the
    /// architecture, whether the daemon answers); then the plan runs step by step, each through ShouldProcess.
    /// Docker's key is downloaded and its fingerprint checked before anything on the machine changes.
    /// </summary>
    public sealed class DockerInstaller
    {
        private readonly DockerCommands _commands;
        private readonly Downloader _downloader;
        private readonly DockerEngineProbe _probe;
        private readonly DockerDaemon _daemon;
        private readonly DockerPaths _paths;
        private readonly IOperationLog _log;
        private readonly DownloadMirror? _mirror;

        /// <param name="mirror">The same mirror the downloader uses: apt is pointed at MIRROR/download.docker.com/linux/FAMILY too.</param>
        public DockerInstaller(DockerCommands commands, Downloader downloader, DownloadMirror? mirror, DockerEngineProbe probe, DockerDaemon daemon, DockerPaths paths, IOperationLog log)
        {
            _commands = commands;
            _downloader = downloader;
            _mirror = mirror;
            _probe = probe;
            _daemon = daemon;
            _paths = paths;
            _log = log;
        }

        /// <summary>The plan for this machine (read-only facts are gathered to make it); empty when there is nothing to do.</summary>
        /// <exception cref="DockerException">Unsupported system, or a bad -KeyFingerprint: before anything runs.</exception>
        public async Task<DockerPlan> PlanInstallAsync(DockerInstallOptions options, CancellationToken cancellationToken)
        {
            var repository = DockerRepository.For(OsRelease.Load(_paths.OsRelease) ?? throw new DockerException(DockerErrorKind.UnsupportedSystem,
                "This system has no /etc/os-release, so its distribution and release cannot be told. Docker Engine is installed on Ubuntu or Debian (and their derivatives) only."));
            var expected = OpenPgpKey.Normalize(options.KeyFingerprint ?? DockerRepository.DockerKeyFingerprint)
                ?? throw new ArgumentException($"-KeyFingerprint '{options.KeyFingerprint}' is not an OpenPGP fingerprint (40 hex digits for a v4 key, 64 for v6; spaces are ignored).");
            var packages = DpkgStatus.Load(_paths.DpkgStatus);
            var plan = new DockerPlan(repository, options);
            var wanted = options.Source == DockerSource.Distribution ? new[] { DockerRepository.DistributionPackage } : DockerRepository.OfficialPackages.ToArray();
            var versioned = options.Source == DockerSource.Distribution ? wanted : new[] { "docker-ce", "docker-ce-cli" };
            var inPlace = wanted.All(packages.IsInstalled)
                && (options.Version == null || versioned.All(p => DpkgStatus.VersionMatches(packages.VersionOf(p)!, options.Version)))
                && (options.Source == DockerSource.Distribution || File.Exists(_paths.Sources));
            plan.PackagesInPlace = inPlace && !options.Force;
            if (plan.PackagesInPlace)
            {
                plan.DaemonAnswers = options.NoStart || await _daemon.AnswersAsync(cancellationToken).ConfigureAwait(false);
                if (!plan.DaemonAnswers)
                {
                    plan.Steps.Add(StartStep(plan));
                }

                return plan;
            }

            if (options.Source == DockerSource.Distribution)
            {
                plan.Steps.Add(Command(DockerCommands.AptGet("update"), "Refreshing the apt package lists"));
                plan.Steps.Add(InstallStep(plan, DockerRepository.DistributionPackage, new[] { DockerRepository.DistributionPackage }, Array.Empty<string>()));
            }
            else
            {
                await AddOfficialStepsAsync(plan, repository, packages, expected, cancellationToken).ConfigureAwait(false);
            }

            if (!options.NoStart)
            {
                plan.Steps.Add(StartStep(plan));
            }

            return plan;
        }

        /// <summary>Runs a plan step by step through <paramref name="shouldProcess"/>; null when a step was declined (or -WhatIf).</summary>
        public async Task<DockerEngine?> InstallAsync(DockerPlan plan, Func<string, string, bool> shouldProcess, IProgress<DockerProgress>? progress, CancellationToken cancellationToken)
        {
            if (!await RunStepsAsync(plan.Steps, plan.Options.ListWholePlan, shouldProcess, progress, cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            var engine = await _probe.GetAsync(cancellationToken).ConfigureAwait(false);
            engine.Status = plan.PackagesInPlace ? DockerInstallStatus.AlreadyInstalled
                : plan.Options.NoStart ? DockerInstallStatus.InstalledNotStarted
                : DockerInstallStatus.Installed;
            engine.StartedBy = plan.StartedBy;
            engine.DaemonLog = plan.StartedBy == "Background" ? _paths.DaemonLog : null;
            return engine;
        }

        /// <summary>The uninstall plan: stop the daemon, purge the engine packages, remove the repository file and keyring, and the data only when asked.</summary>
        public async Task<IReadOnlyList<DockerStep>> PlanUninstallAsync(bool removeData, CancellationToken cancellationToken)
        {
            var packages = DpkgStatus.Load(_paths.DpkgStatus);
            var steps = new List<DockerStep>();
            if (File.Exists(_paths.DaemonPidFile) || await _daemon.AnswersAsync(cancellationToken).ConfigureAwait(false))
            {
                steps.Add(new DockerStep("Docker daemon", "Stop", async ct => await _daemon.StopAsync(ct).ConfigureAwait(false)));
            }

            var installed = DockerRepository.OfficialPurgePackages.Concat(new[] { DockerRepository.DistributionPackage }).Where(packages.IsInstalled).ToArray();
            if (installed.Length > 0)
            {
                steps.Add(Command(DockerCommands.AptGet(new[] { "purge", "-y" }.Concat(installed).ToArray()), "Removing the Docker Engine packages"));
            }

            var files = new[] { _paths.Sources, _paths.LegacyList, _paths.Keyring }.Where(File.Exists).ToArray();
            if (files.Length > 0)
            {
                steps.Add(Command(new CommandSpec("rm", new[] { "-f", "--" }.Concat(files)), "Removing Docker's apt source and key"));
            }

            if (removeData)
            {
                var data = new[] { _paths.DataRoot, _paths.ContainerdRoot }.Where(Directory.Exists).ToArray();
                if (data.Length > 0)
                {
                    steps.Add(Command(new CommandSpec("rm", new[] { "-rf", "--" }.Concat(data)), "Removing Docker's data (images, containers, volumes)"));
                }
            }

            return steps;
        }

        public Task<bool> UninstallAsync(IReadOnlyList<DockerStep> steps, bool listWholePlan, Func<string, string, bool> shouldProcess, IProgress<DockerProgress>? progress, CancellationToken cancellationToken) =>
            RunStepsAsync(steps, listWholePlan, shouldProcess, progress, cancellationToken);

        private static async Task<bool> RunStepsAsync(IReadOnlyList<DockerStep> steps, bool listWholePlan, Func<string, string, bool> shouldProcess, IProgress<DockerProgress>? progress, CancellationToken cancellationToken)
        {
            var declined = false;
            for (var i = 0; i < steps.Count; i++)
            {
                var step = steps[i];
                if (!shouldProcess(step.Target, step.Action))
                {
                    declined = true;
                    if (!listWholePlan)
                    {
                        break;
                    }

                    continue;
                }

                if (declined)
                {
                    continue;
                }

                progress?.Report(new DockerProgress(i + 1, steps.Count, step.Action + ": " + step.Target));
                await step.Run(cancellationToken).ConfigureAwait(false);
            }

            return !declined;
        }

        private async Task AddOfficialStepsAsync(DockerPlan plan, DockerRepository repository, DpkgStatus packages, string expectedFingerprint, CancellationToken cancellationToken)
        {
            var architecture = await ArchitectureAsync(cancellationToken).ConfigureAwait(false);
            var keyUri = repository.KeyUri;
            var keySource = _downloader.SourceOf(keyUri);
            var repositoryUri = AptUri(_mirror?.Map(repository.BaseUri) ?? repository.BaseUri);
            var sources = repository.SourcesFile(repositoryUri, architecture);
            byte[]? key = null;

            // 1. The key, checked before anything changes: a wrong key stops the plan with nothing written.
            plan.Steps.Add(new DockerStep(keySource, $"Download Docker's key and check its fingerprint is {OpenPgpKey.Display(expectedFingerprint)}", async ct =>
            {
                key = await DownloadKeyAsync(keyUri, keySource, expectedFingerprint, ct).ConfigureAwait(false);
            }));

            // 2. The distribution's packages that clash with Docker's (their data in /var/lib/docker is kept).
            var conflicting = repository.ConflictingPackages.Where(packages.IsInstalled).ToArray();
            if (conflicting.Length > 0 && File.Exists(_paths.DaemonPidFile))
            {
                // A dockerd KubeLab started in the background belongs to the package about to go; apt's scripts
                // stop only services they know, so it would keep answering from a deleted binary.
                plan.Steps.Add(new DockerStep("Docker daemon", "Stop the dockerd that KubeLab started in the background", async ct => await _daemon.StopAsync(ct).ConfigureAwait(false)));
            }

            if (conflicting.Length > 0)
            {
                plan.Steps.Add(Command(DockerCommands.AptGet(new[] { "remove", "-y" }.Concat(conflicting).ToArray()), "Removing packages that conflict with Docker's"));
            }

            // 3. Prerequisites (the docs' curl is not needed: KubeLab downloads the key itself).
            if (!packages.IsInstalled("ca-certificates"))
            {
                plan.Steps.Add(Command(DockerCommands.AptGet("update"), "Refreshing the apt package lists"));
                plan.Steps.Add(Command(DockerCommands.AptGet("install", "-y", "ca-certificates"), "Installing the prerequisites"));
            }

            plan.Steps.Add(Command(new CommandSpec("install", "-m", "0755", "-d", _paths.KeyringFolder), "Creating the apt keyrings folder"));
            plan.Steps.Add(new DockerStep(_paths.Keyring, $"Write Docker's key (fingerprint {OpenPgpKey.Display(expectedFingerprint)}), mode 0644", ct => PlaceAsync(key!, _paths.Keyring, ct)));
            plan.Steps.Add(new DockerStep(_paths.Sources, "Write the apt source:\n" + sources, ct => PlaceAsync(Encoding.UTF8.GetBytes(sources), _paths.Sources, ct)));
            if (File.Exists(_paths.LegacyList))
            {
                plan.Steps.Add(Command(new CommandSpec("rm", "-f", "--", _paths.LegacyList), "Removing the one-line docker.list, which would name the repository twice"));
            }

            // Only Docker's repository is refreshed: the rest of the system's lists are not this step's business.
            plan.Steps.Add(Command(
                DockerCommands.AptGet("update", "-o", "Dir::Etc::sourcelist=" + _paths.Sources, "-o", "Dir::Etc::sourceparts=-", "-o", "APT::Get::List-Cleanup=0"),
                "Refreshing Docker's apt repository"));
            plan.Steps.Add(InstallStep(plan, "docker-ce", DockerRepository.OfficialPackages, new[] { "docker-ce", "docker-ce-cli" }));
        }

        private DockerStep InstallStep(DockerPlan plan, string madisonPackage, IReadOnlyList<string> packages, IReadOnlyList<string> versioned)
        {
            var version = plan.Options.Version;
            string Spec(string package, string? resolved) =>
                version != null && (versioned.Count == 0 || versioned.Contains(package)) ? package + "=" + (resolved ?? $"<the version matching '{version}' in apt-cache madison {madisonPackage}>") : package;
            var shown = DockerCommands.AptGet(new[] { "install", "-y" }.Concat(packages.Select(p => Spec(p, null))).ToArray());
            return new DockerStep(shown.Display, "Run (Installing Docker Engine)", async ct =>
            {
                string? resolved = null;
                if (version != null)
                {
                    resolved = await ResolveVersionAsync(madisonPackage, version, ct).ConfigureAwait(false);
                }

                var install = DockerCommands.AptGet(new[] { "install", "-y" }.Concat(packages.Select(p => Spec(p, resolved))).ToArray());
                await _commands.RunAsRootAsync(install, "Installing Docker Engine", ct).ConfigureAwait(false);
            });
        }

        private DockerStep StartStep(DockerPlan plan) =>
            new DockerStep("Docker daemon", _daemon.StartDescription, async ct => plan.StartedBy = await _daemon.EnsureRunningAsync(ct).ConfigureAwait(false));

        private DockerStep Command(CommandSpec command, string purpose) =>
            new DockerStep(command.Display, $"Run ({purpose})", async ct => await _commands.RunAsRootAsync(command, purpose, ct).ConfigureAwait(false));

        /// <summary>The first version `apt-cache madison` lists (newest first) that matches, as get.docker.com picks it.</summary>
        private async Task<string> ResolveVersionAsync(string package, string requested, CancellationToken cancellationToken)
        {
            var command = new CommandSpec("apt-cache", "madison", package);
            var result = await _commands.Runner.RunAsync(command, cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                throw DockerCommands.Failed(command, result, "Listing the versions of " + package);
            }

            var versions = ParseMadison(result.StandardOutput, package);
            return versions.FirstOrDefault(v => DpkgStatus.VersionMatches(v, requested))
                ?? throw new DockerException(
                    DockerErrorKind.VersionNotFound,
                    $"No version of {package} matches '{requested}'. Available: " + (versions.Count == 0 ? "none" : string.Join(", ", versions.Take(10).Select(DpkgStatus.UpstreamVersion).Distinct())) +
                    ". Give one of them with -Version (as apt-cache madison lists it, or its upstream part such as 29.4.0).");
        }

        /// <summary>`apt-cache madison` lines: "docker-ce | 5:29.4.0-1~debian.12~bookworm | https://... bookworm/stable amd64 Packages".</summary>
        public static IReadOnlyList<string> ParseMadison(string output, string package)
        {
            var versions = new List<string>();
            foreach (var line in output.Split('\n'))
            {
                var fields = line.Split('|').Select(f => f.Trim()).ToArray();
                if (fields.Length >= 3 && fields[0] == package && fields[1].Length > 0 && fields[2].EndsWith("Packages", StringComparison.Ordinal) && !versions.Contains(fields[1]))
                {
                    versions.Add(fields[1]);
                }
            }

            return versions;
        }

        private async Task<string> ArchitectureAsync(CancellationToken cancellationToken)
        {
            var command = new CommandSpec("dpkg", "--print-architecture");
            var result = await _commands.Runner.RunAsync(command, cancellationToken).ConfigureAwait(false);
            var architecture = result.StandardOutput.Trim();
            if (!result.Succeeded || architecture.Length == 0)
            {
                throw DockerCommands.Failed(command, result, "Reading the system's architecture");
            }

            return architecture;
        }

        private async Task<byte[]> DownloadKeyAsync(Uri keyUri, string keySource, string expected, CancellationToken cancellationToken)
        {
            using var buffer = new MemoryStream();
            await _downloader.DownloadAsync(keyUri, buffer, null, cancellationToken).ConfigureAwait(false);
            var key = buffer.ToArray();
            var found = OpenPgpKey.PrimaryFingerprints(key);
            if (found.Count != 1 || found[0] != expected)
            {
                var wantedFrom = expected == DockerRepository.DockerKeyFingerprint ? "Docker's published key" : "-KeyFingerprint";
                throw new DockerException(
                    DockerErrorKind.KeyFingerprintMismatch,
                    $"The key from {keySource} has fingerprint {string.Join(" and ", found.Select(OpenPgpKey.Display))}, but {OpenPgpKey.Display(expected)} ({wantedFrom}) was expected" +
                    (found.Count > 1 ? " and nothing else" : string.Empty) +
                    ". Nothing was written: no apt source, no keyring, no package changed. If your mirror signs with its own key, pass that key's fingerprint with -KeyFingerprint.");
            }

            _log.Verbose($"The key from {keySource} has the expected fingerprint {OpenPgpKey.Display(expected)}.");
            return key;
        }

        /// <summary>Content into a private temp file, then `install -m 0644` (as root) into place.</summary>
        private async Task PlaceAsync(byte[] content, string destination, CancellationToken cancellationToken)
        {
            var folder = _paths.TempFolder ?? Path.GetTempPath();
            var temp = Path.Combine(folder, "kubelab-" + Guid.NewGuid().ToString("N").Substring(0, 12) + "-" + Path.GetFileName(destination));
            try
            {
                File.WriteAllBytes(temp, content);
                await _commands.RunAsRootAsync(new CommandSpec("install", "-m", "0644", "--", temp, destination), "Writing " + destination, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                File.Delete(temp);
            }
        }

        /// <summary>The repository URI apt is given: a mirror folder as file:, and never a mirror's credentials (they belong in /etc/apt/auth.conf.d).</summary>
        private string AptUri(Uri mapped)
        {
            if (mapped.IsFile)
            {
                return "file:" + mapped.LocalPath;
            }

            if (mapped.UserInfo.Length > 0)
            {
                _log.Warning("The mirror's user and password are not written into the apt source; put them in /etc/apt/auth.conf.d/ for apt to use.");
            }

            return DownloadMirror.Display(mapped);
        }
    }

    /// <summary>An install plan for this machine: the steps in order and the facts they came from.</summary>
    public sealed class DockerPlan
    {
        internal DockerPlan(DockerRepository repository, DockerInstallOptions options)
        {
            Repository = repository;
            Options = options;
        }

        public DockerRepository Repository { get; }

        public DockerInstallOptions Options { get; }

        public List<DockerStep> Steps { get; } = new List<DockerStep>();

        /// <summary>The packages are there at the requested version (no apt call is needed).</summary>
        public bool PackagesInPlace { get; internal set; }

        /// <summary>When the packages were in place: whether the daemon answered already.</summary>
        public bool DaemonAnswers { get; internal set; }

        /// <summary>Set by the start step.</summary>
        public string? StartedBy { get; internal set; }
    }
}
