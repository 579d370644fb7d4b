using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using KubeLab.Downloads;
using KubeLab.Processes;

namespace KubeLab.Minikube
{
    /// <summary>
    /// minikube's lifecycle as calls: builds each command line (an argument list, -p always explicit), runs it as
    /// the right user with the right group (<see cref="DockerGroupAccess"/>), turns the -o json event stream into
    /// progress and errors, and parses the JSON answers.
    /// </summary>
    public sealed class MinikubeClient
    {
        public const string DefaultProfile = "minikube";

        /// <summary>Where minikube fetches Kubernetes binaries (pkg/minikube/download/binary.go DefaultKubeBinariesURL).</summary>
        public static readonly Uri KubeBinariesUpstream = new Uri("https://dl.k8s.io/release");

        // pkg/minikube/config/profile.go ProfileNameValid: DNS-label friendly, at least 2 characters.
        private static readonly Regex ProfileName = new Regex(@"^(([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9\-]*[a-zA-Z0-9])\.)*([A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9\-]*[A-Za-z0-9])$", RegexOptions.CultureInvariant);
        private static readonly Regex AddonName = new Regex(@"^[a-z0-9][a-z0-9.\-]*$", RegexOptions.CultureInvariant);
        private static readonly Regex Namespace = new Regex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", RegexOptions.CultureInvariant);

        private static readonly Regex TextExit = new Regex(@"Exiting due to ([A-Z][A-Z0-9_]*): ([^\n]*)", RegexOptions.CultureInvariant);

        private readonly ICommandRunner _runner;
        private readonly DockerGroupAccess _access;
        private readonly IOperationLog _log;
        private readonly string? _program;
        private bool _warnedAboutGroup;

        /// <param name="program">The minikube binary; default: found on PATH.</param>
        public MinikubeClient(ICommandRunner runner, DockerGroupAccess access, IOperationLog log, string? program = null)
        {
            _runner = runner;
            _access = access;
            _log = log;
            _program = program;
        }

        /// <summary>minikube's --binary-mirror for a KubeLab mirror: the mirror's copy of https://dl.k8s.io/release.</summary>
        public static string BinaryMirrorFor(DownloadMirror mirror)
        {
            var mapped = mirror.Map(KubeBinariesUpstream);
            return mapped.AbsoluteUri.TrimEnd('/');
        }

        /// <summary>`minikube start -o json`, its steps as progress; then the profile's status.</summary>
        public async Task<IReadOnlyList<MinikubeStatus>> StartAsync(MinikubeStartOptions options, IProgress<MinikubeProgress>? progress, CancellationToken cancellationToken)
        {
            var profile = CheckProfile(options.Profile);
            var args = StartArguments(options);
            var driver = options.Driver?.Trim().ToLowerInvariant();
            var dockerDriver = string.IsNullOrEmpty(driver) || driver == "docker";
            await RunWithEventsAsync("minikube start", profile, args, dockerDriver, progress, cancellationToken).ConfigureAwait(false);
            return await GetStatusAsync(profile, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>The arguments of `minikube start` for these options (checked), as run and as -WhatIf shows them.</summary>
        public static IReadOnlyList<string> StartArguments(MinikubeStartOptions options)
        {
            var profile = CheckProfile(options.Profile);
            var args = new List<string> { "start", "--profile=" + profile, "--output=json" };
            AddOption(args, "driver", options.Driver);
            AddOption(args, "kubernetes-version", options.KubernetesVersion);
            AddOption(args, "cpus", options.Cpus);
            AddOption(args, "memory", Size(options.Memory));
            AddOption(args, "disk-size", Size(options.DiskSize));
            if (options.Nodes.HasValue)
            {
                if (options.Nodes.Value < 1)
                {
                    throw new ArgumentException("-Nodes must be 1 or more.");
                }

                args.Add("--nodes=" + options.Nodes.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            AddOption(args, "container-runtime", options.ContainerRuntime);
            foreach (var addon in options.Addons)
            {
                args.Add("--addons=" + CheckAddon(addon));
            }

            AddOption(args, "binary-mirror", options.BinaryMirror);
            AddOption(args, "image-repository", options.ImageRepository);
            return args;
        }

        /// <summary>`minikube status -o json`: one object per node; the exit bitmask is decoded, never an error; 85 is.</summary>
        /// <exception cref="MinikubeException">ProfileNotFound (85), or another failure.</exception>
        public async Task<IReadOnlyList<MinikubeStatus>> GetStatusAsync(string? profile, CancellationToken cancellationToken)
        {
            var name = CheckProfile(profile);
            var result = await RunAsync(new[] { "status", "--profile=" + name, "--output=json" }, false, cancellationToken).ConfigureAwait(false);
            if (result.ExitCode < 0 || result.ExitCode > 7)
            {
                throw Failure("minikube status", name, result, MinikubeEvent.ParseAll(result.StandardOutput));
            }

            return MinikubeOutput.ParseStatus(result.StandardOutput, result.ExitCode, name);
        }

        /// <summary>`minikube stop`; unless <paramref name="keepContext"/>, minikube also removes the profile from the kubeconfig.</summary>
        public Task StopAsync(string? profile, bool all, bool keepContext, IProgress<MinikubeProgress>? progress, CancellationToken cancellationToken)
        {
            var args = new List<string> { "stop" };
            var name = all ? "--all" : CheckProfile(profile);
            args.Add(all ? "--all" : "--profile=" + name);
            if (keepContext)
            {
                args.Add("--keep-context-active");
            }

            args.Add("--output=json");
            return RunWithEventsAsync("minikube stop", name, args, false, progress, cancellationToken);
        }

        /// <summary>`minikube delete`; <paramref name="purge"/> also removes the .minikube folder (minikube wants --all with it when there are several profiles).</summary>
        public Task DeleteAsync(string? profile, bool all, bool purge, IProgress<MinikubeProgress>? progress, CancellationToken cancellationToken)
        {
            var args = new List<string> { "delete" };
            var name = all ? "--all" : CheckProfile(profile);
            args.Add(all ? "--all" : "--profile=" + name);
            if (purge)
            {
                args.Add("--purge");
            }

            args.Add("--output=json");
            return RunWithEventsAsync("minikube delete", name, args, false, progress, cancellationToken);
        }

        /// <summary>`minikube pause`: the namespaces given, or all of them; default minikube's own list.</summary>
        public Task PauseAsync(string? profile, IReadOnlyCollection<string>? namespaces, bool allNamespaces, IProgress<MinikubeProgress>? progress, CancellationToken cancellationToken) =>
            PauseOrUnpauseAsync("pause", profile, namespaces, allNamespaces, progress, cancellationToken);

        /// <summary>`minikube unpause`, with the same namespace choice as pause.</summary>
        public Task UnpauseAsync(string? profile, IReadOnlyCollection<string>? namespaces, bool allNamespaces, IProgress<MinikubeProgress>? progress, CancellationToken cancellationToken) =>
            PauseOrUnpauseAsync("unpause", profile, namespaces, allNamespaces, progress, cancellationToken);

        /// <summary>`minikube profile list -o json`: valid profiles, then the invalid ones (Valid = false).</summary>
        public async Task<IReadOnlyList<MinikubeProfile>> GetProfilesAsync(CancellationToken cancellationToken)
        {
            var result = await RunAsync(new[] { "profile", "list", "--output=json" }, false, cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                var error = SafeProfileListError(result.StandardOutput);
                if (error != null)
                {
                    throw new MinikubeException(MinikubeErrorKind.Failed, $"minikube profile list failed (exit code {result.ExitCode}): {error}", result.ExitCode);
                }

                throw Failure("minikube profile list", null, result, MinikubeEvent.ParseAll(result.StandardOutput));
            }

            return MinikubeOutput.ParseProfiles(result.StandardOutput);
        }

        /// <summary>`minikube addons list -o json` for a profile.</summary>
        public async Task<IReadOnlyList<MinikubeAddon>> GetAddonsAsync(string? profile, CancellationToken cancellationToken)
        {
            var name = CheckProfile(profile);
            var result = await RunAsync(new[] { "addons", "list", "--profile=" + name, "--output=json" }, false, cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                throw Failure("minikube addons list", name, result, MinikubeEvent.ParseAll(result.StandardOutput));
            }

            return MinikubeOutput.ParseAddons(result.StandardOutput);
        }

        /// <summary>`minikube addons enable|disable NAME`; returns the addon as minikube then lists it.</summary>
        public async Task<MinikubeAddon> SetAddonAsync(string addon, string? profile, bool enable, CancellationToken cancellationToken)
        {
            var name = CheckProfile(profile);
            var verb = enable ? "enable" : "disable";
            var result = await RunAsync(new[] { "addons", verb, CheckAddon(addon), "--profile=" + name }, false, cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                throw Failure($"minikube addons {verb} {addon}", name, result, MinikubeEvent.ParseAll(result.StandardOutput));
            }

            var listed = (await GetAddonsAsync(name, cancellationToken).ConfigureAwait(false)).FirstOrDefault(a => a.Name == addon);
            return listed ?? new MinikubeAddon(addon, name, enable);
        }

        /// <summary>
        /// `minikube ssh -- COMMAND`: minikube joins its arguments into one remote shell line, so each argument is
        /// single-quoted here and the node runs exactly this argument list. minikube ends with 1 on any remote failure.
        /// </summary>
        public async Task<MinikubeCommandOutput> SshAsync(string? profile, string? node, IReadOnlyList<string> command, CancellationToken cancellationToken)
        {
            if (command.Count == 0)
            {
                throw new ArgumentException("A command to run is required (interactive ssh runs through the terminal).");
            }

            var name = CheckProfile(profile);
            var args = new List<string> { "ssh", "--profile=" + name };
            if (!string.IsNullOrEmpty(node))
            {
                args.Add("--node=" + node);
            }

            args.Add("--");
            args.AddRange(command.Select(Elevation.QuoteAlways));
            var result = await RunAsync(args, false, cancellationToken).ConfigureAwait(false);
            return Output(result, name, $"The command on {name}'s node", "minikube ssh reports any remote failure as 1; the command's own exit code is lost");
        }

        /// <summary>`minikube kubectl -- ARGS`: kubectl's exit code comes back as minikube's.</summary>
        public async Task<MinikubeCommandOutput> KubectlAsync(string? profile, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
        {
            var name = CheckProfile(profile);
            var args = new List<string> { "kubectl", "--profile=" + name, "--" };
            args.AddRange(arguments);
            var result = await RunAsync(args, false, cancellationToken).ConfigureAwait(false);
            return Output(result, name, "kubectl", null);
        }

        /// <summary>
        /// An interactive `minikube ssh` on this terminal (prepared like every other command: user, group). A
        /// terminal session cannot go through a buffering runner, so the process inherits this one's stdin,
        /// stdout and stderr; the result is minikube's exit code.
        /// </summary>
        public async Task<int> SshInteractiveAsync(string? profile, string? node, CancellationToken cancellationToken)
        {
            var args = new List<string> { "ssh", "--profile=" + CheckProfile(profile) };
            if (!string.IsNullOrEmpty(node))
            {
                args.Add("--node=" + node);
            }

            var command = Prepare(args, false);
            _log.Verbose("Running: " + command.Display);
            var start = new System.Diagnostics.ProcessStartInfo(command.FileName) { UseShellExecute = false };
            // ArgumentList (no re-splitting) exists on every .NET Core, but not in netstandard2.0's surface.
            if (typeof(System.Diagnostics.ProcessStartInfo).GetProperty("ArgumentList")?.GetValue(start) is ICollection<string> list)
            {
                foreach (var argument in command.Arguments)
                {
                    list.Add(argument);
                }
            }
            else
            {
                start.Arguments = string.Join(" ", command.Arguments.Select(WindowsQuote));
            }

            foreach (var variable in command.Environment)
            {
                if (variable.Value == null)
                {
                    start.Environment.Remove(variable.Key);
                }
                else
                {
                    start.Environment[variable.Key] = variable.Value;
                }
            }

            using var process = System.Diagnostics.Process.Start(start) ?? throw new MinikubeException(MinikubeErrorKind.Failed, "Could not start " + command.FileName);
            using (cancellationToken.Register(() =>
            {
                try
                {
                    process.Kill();
                }
                catch (InvalidOperationException)
                {
                    // Already gone.
                }
            }))
            {
                await Task.Run(process.WaitForExit, CancellationToken.None).ConfigureAwait(false);
            }

            cancellationToken.ThrowIfCancellationRequested();
            return process.ExitCode;
        }

        /// <summary>The program: as given, else minikube found on PATH (a full path, so sudo's secure_path cannot pick another).</summary>
        /// <exception cref="MinikubeException">NotInstalled.</exception>
        public string FindProgram()
        {
            if (_program != null)
            {
                return _program;
            }

            var found = FindOnPath(Environment.GetEnvironmentVariable("PATH") ?? string.Empty);
            if (found != null)
            {
                return found;
            }

            throw new MinikubeException(MinikubeErrorKind.NotInstalled, "minikube was not found on PATH. Install it with Install-Minikube, then try again.");
        }

        /// <summary>The first minikube in a PATH value, as a full path; null when there is none.</summary>
        internal static string? FindOnPath(string pathVariable) =>
            pathVariable.Split(Path.PathSeparator).Where(d => d.Length > 0).Select(d => Path.Combine(d, "minikube")).Where(File.Exists).Select(Path.GetFullPath).FirstOrDefault();

        /// <summary>
        /// A size as minikube reads it (a bare number is MB). PowerShell turns -Memory 4GB into 4294967296 bytes,
        /// which minikube would take as 4 PB: a bare number of a mebibyte or more is taken as bytes and given in MB.
        /// </summary>
        internal static string? Size(string? value)
        {
            if (value == null || !long.TryParse(value.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) || number < 1024L * 1024)
            {
                return value;
            }

            return (number / (1024 * 1024)).ToString(System.Globalization.CultureInfo.InvariantCulture) + "mb";
        }

        private static void AddOption(List<string> args, string flag, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                // --flag=value: a value can never be read as another flag.
                args.Add("--" + flag + "=" + value!.Trim());
            }
        }

        private static string CheckProfile(string? profile)
        {
            if (string.IsNullOrEmpty(profile))
            {
                return DefaultProfile;
            }

            if (profile!.Length < 2 || profile.Length > 253 || !ProfileName.IsMatch(profile))
            {
                throw new ArgumentException($"'{profile}' is not a valid minikube profile name: use letters, digits, '-' and '.', at least 2 characters, starting and ending with a letter or digit.");
            }

            return profile;
        }

        private static string CheckAddon(string addon)
        {
            if (!AddonName.IsMatch(addon))
            {
                throw new ArgumentException($"'{addon}' is not a valid minikube addon name.");
            }

            return addon;
        }

        private static string? SafeProfileListError(string output)
        {
            try
            {
                return MinikubeOutput.ProfileListError(output);
            }
            catch (MinikubeException)
            {
                return null;
            }
        }

        private Task PauseOrUnpauseAsync(string verb, string? profile, IReadOnlyCollection<string>? namespaces, bool allNamespaces, IProgress<MinikubeProgress>? progress, CancellationToken cancellationToken)
        {
            var name = CheckProfile(profile);
            var args = new List<string> { verb, "--profile=" + name };
            if (allNamespaces)
            {
                args.Add("--all-namespaces");
            }
            else if (namespaces != null && namespaces.Count > 0)
            {
                var bad = namespaces.FirstOrDefault(n => !Namespace.IsMatch(n));
                if (bad != null)
                {
                    throw new ArgumentException($"'{bad}' is not a valid namespace name.");
                }

                args.Add("--namespaces=" + string.Join(",", namespaces));
            }

            args.Add("--output=json");
            return RunWithEventsAsync("minikube " + verb, name, args, false, progress, cancellationToken);
        }

        private MinikubeCommandOutput Output(CommandResult result, string profile, string what, string? note)
        {
            var lines = SplitLines(result.StandardOutput);
            if (result.Succeeded)
            {
                return new MinikubeCommandOutput(lines, 0, null);
            }

            if (result.ExitCode == MinikubeOutput.ExitGuestNotFound || result.ExitCode == MinikubeOutput.ExitGuestNotRunning)
            {
                return new MinikubeCommandOutput(lines, result.ExitCode, Failure("minikube", profile, result, MinikubeEvent.ParseAll(result.StandardOutput)));
            }

            var stderr = result.StandardError.Trim();
            var message = $"{what} ended with exit code {result.ExitCode}" + (note == null ? "." : $" ({note}).") + (stderr.Length > 0 ? " " + Last(stderr, 2000) : string.Empty);
            return new MinikubeCommandOutput(lines, result.ExitCode, new MinikubeException(MinikubeErrorKind.CommandExitCode, message, result.ExitCode) { Profile = profile });
        }

        private static IReadOnlyList<string> SplitLines(string text)
        {
            var lines = text.Replace("\r\n", "\n").Split('\n').ToList();
            if (lines.Count > 0 && lines[lines.Count - 1].Length == 0)
            {
                lines.RemoveAt(lines.Count - 1);
            }

            return lines;
        }

        private CommandSpec Prepare(IEnumerable<string> args, bool groupRequired)
        {
            var command = _access.Prepare(new CommandSpec(FindProgram(), args), groupRequired, out var warning);
            if (warning != null && !_warnedAboutGroup)
            {
                _warnedAboutGroup = true;
                _log.Warning(warning);
            }

            return command;
        }

        private Task<CommandResult> RunAsync(IEnumerable<string> args, bool groupRequired, CancellationToken cancellationToken) =>
            _runner.RunAsync(Prepare(args, groupRequired), cancellationToken);

        private async Task RunWithEventsAsync(string activity, string? profile, IEnumerable<string> args, bool groupRequired, IProgress<MinikubeProgress>? progress, CancellationToken cancellationToken)
        {
            var command = Prepare(args, groupRequired);
            var title = profile == null || profile == "--all" ? activity + (profile == "--all" ? " --all" : string.Empty) : $"{activity} -p {profile}";
            var events = new List<MinikubeEvent>();
            var last = 0;
            var total = 0;
            void OnLine(string line)
            {
                var e = MinikubeEvent.TryParse(line);
                if (e == null)
                {
                    return;
                }

                lock (events)
                {
                    events.Add(e);
                }

                switch (e.Kind)
                {
                    case MinikubeEventKind.Step:
                        last = e.CurrentStep ?? last;
                        total = e.TotalSteps ?? total;
                        progress?.Report(new MinikubeProgress(title, last, total, e.Name ?? string.Empty, e.Message));
                        break;
                    case MinikubeEventKind.Download:
                    case MinikubeEventKind.DownloadProgress:
                        var artifact = e.Get("artifact") ?? "artifact";
                        var percent = e.Get("progress");
                        progress?.Report(new MinikubeProgress(title, e.CurrentStep ?? last, e.TotalSteps ?? total, "Downloading Artifacts",
                            percent == null ? $"Downloading {artifact}" : $"Downloading {artifact}: {percent}"));
                        break;
                    case MinikubeEventKind.Warning:
                        _log.Warning(e.Message ?? string.Empty);
                        break;
                    case MinikubeEventKind.Error when e.ExitCode == null:
                        // out.ErrT in JSON mode: a complaint that does not end the command (delete of a missing profile).
                        _log.Warning(e.Message ?? string.Empty);
                        break;
                    case MinikubeEventKind.Info:
                        _log.Verbose(e.Message ?? string.Empty);
                        break;
                }
            }

            CommandResult result;
            if (_runner is IStreamingCommandRunner streaming)
            {
                result = await streaming.RunAsync(command, OnLine, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                result = await _runner.RunAsync(command, cancellationToken).ConfigureAwait(false);
                foreach (var line in result.StandardOutput.Split('\n'))
                {
                    OnLine(line);
                }
            }

            progress?.Report(new MinikubeProgress(title, total, total, "Done", null, completed: true));
            if (!result.Succeeded)
            {
                List<MinikubeEvent> seen;
                lock (events)
                {
                    seen = events.ToList();
                }

                throw Failure(activity, profile == "--all" ? null : profile, result, seen);
            }
        }

        /// <summary>
        /// The failure of a minikube command: its error event (reason, exit code, advice, links) when it printed one,
        /// else what it said (info events, stderr) with the exit code's kind.
        /// </summary>
        internal static MinikubeException Failure(string action, string? profile, CommandResult result, IReadOnlyList<MinikubeEvent> events)
        {
            var error = events.LastOrDefault(e => e.Kind == MinikubeEventKind.Error);
            var exitCode = error?.ExitCode ?? result.ExitCode;
            var kind = exitCode == MinikubeOutput.ExitGuestNotFound ? MinikubeErrorKind.ProfileNotFound
                : exitCode == MinikubeOutput.ExitGuestNotRunning ? MinikubeErrorKind.NotRunning
                : MinikubeErrorKind.Failed;

            string said;
            if (error?.Message != null)
            {
                said = error.Message;
            }
            else
            {
                var infos = events.Where(e => e.Kind == MinikubeEventKind.Info || e.Kind == MinikubeEventKind.Warning).Select(e => e.Message).Where(m => m != null).ToList();
                var stderr = result.StandardError.Trim();
                said = infos.Count > 0 ? string.Join(" ", infos) : stderr.Length > 0 ? Last(stderr, 2000) : Last(result.StandardOutput.Trim(), 2000);
            }

            var reason = error?.Name;
            if (error == null)
            {
                // Text mode (addons enable/disable have no -o json): "X Exiting due to REASON: message" (out/out_reason.go).
                var exiting = TextExit.Match(result.StandardError + "\n" + result.StandardOutput);
                if (exiting.Success)
                {
                    reason = exiting.Groups[1].Value;
                    said = exiting.Groups[2].Value.Trim();
                }
            }

            var message = $"{action}{(profile == null ? string.Empty : " -p " + profile)} failed with exit code {exitCode}" +
                          (reason == null ? string.Empty : $" ({reason})") + (said.Length > 0 ? ": " + said : ".");
            var advice = error?.Get("advice");
            var url = error?.Get("url");
            var issues = (error?.Get("issues") ?? string.Empty).Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()).ToList();
            if (advice != null)
            {
                message += " Advice: " + advice;
            }

            if (url != null)
            {
                message += " Documentation: " + url;
            }

            if (issues.Count > 0)
            {
                message += " Related issues: " + string.Join(", ", issues);
            }

            return new MinikubeException(kind, message, exitCode)
            {
                Reason = reason,
                Advice = advice,
                DocumentationUrl = url,
                Issues = issues,
                Profile = profile,
            };
        }

        /// <summary>The quoting .NET's own argument splitter undoes (backslashes doubled before a quote).</summary>
        private static string WindowsQuote(string value)
        {
            if (value.Length > 0 && value.IndexOfAny(new[] { ' ', '\t', '"', '\\' }) < 0)
            {
                return value;
            }

            var quoted = new System.Text.StringBuilder("\"");
            var backslashes = 0;
            foreach (var c in value)
            {
                if (c == '\\')
                {
                    backslashes++;
                    continue;
                }

                quoted.Append('\\', c == '"' ? backslashes * 2 + 1 : backslashes).Append(c);
                backslashes = 0;
            }

            return quoted.Append('\\', backslashes * 2).Append('"').ToString();
        }

        private static string Last(string text, int max) => text.Length <= max ? text : "..." + text.Substring(text.Length - max);
    }
}
