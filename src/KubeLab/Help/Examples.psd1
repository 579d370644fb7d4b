# Long descriptions and examples for Get-Help; synopses and parameter text come from the code's <summary>.
@{
    'Get-KubeConfig' = @{
        Description = "Reads every kubeconfig file in the loading precedence (-Path, else `$env:KUBECONFIG, else ~/.kube/config) and returns the merged view, as kubectl config view sees it. The first file that defines a name wins; each entry names the file it comes from.`n`nSecrets (tokens, passwords, keys, certificate data) are never copied into the output."
        Examples    = @(
            @{ Title = 'Summary of the merged kubeconfig'; Code = 'Get-KubeConfig'; Remarks = 'Shows the current context, how many contexts, clusters and users there are, and the files they come from.' }
            @{ Title = 'As JSON for another tool'; Code = 'Get-KubeConfig | ConvertTo-Json -Depth 4'; Remarks = 'The whole model without any secret value.' }
        )
    }
    'Get-KubeContext' = @{
        Description = "Lists the contexts of the merged kubeconfig. The default table reads like kubectl config get-contexts: CURRENT (*), NAME, CLUSTER, USER, NAMESPACE. Names accept wildcards; a literal name that does not exist is reported as an error while the others are still returned."
        Examples    = @(
            @{ Title = 'All contexts'; Code = 'Get-KubeContext'; Remarks = 'The current context is marked with *.' }
            @{ Title = 'By wildcard'; Code = 'Get-KubeContext dev-*'; Remarks = 'Every context whose name starts with dev-.' }
            @{ Title = 'The current context and its cluster'; Code = 'Get-KubeContext -Current | Get-KubeCluster'; Remarks = 'The context''s Cluster property binds to Get-KubeCluster.' }
        )
    }
    'Get-KubeCluster' = @{
        Description = "Lists the clusters of the merged kubeconfig: server, certificate authority (a file resolved against the kubeconfig's folder, or whether embedded data is present), TLS settings and the file that defines each. Piping contexts gives the clusters they use."
        Examples    = @(
            @{ Title = 'All clusters'; Code = 'Get-KubeCluster'; Remarks = 'Name, server, certificate authority and source file.' }
            @{ Title = 'The cluster behind a context'; Code = 'Get-KubeContext minikube | Get-KubeCluster'; Remarks = 'Binds the context''s Cluster property.' }
        )
    }
    'Get-KubeUser' = @{
        Description = "Lists the users (credentials) of the merged kubeconfig with their authentication type (ClientCertificate, Token, TokenFile, Basic, Exec, AuthProvider or None) and, for exec plugins, the command. Secret values are never shown."
        Examples    = @(
            @{ Title = 'All users'; Code = 'Get-KubeUser'; Remarks = 'Name, auth type, exec command and source file.' }
            @{ Title = 'Who uses an exec plugin'; Code = 'Get-KubeUser | Where-Object AuthType -eq Exec | Select-Object Name, ExecCommand'; Remarks = 'Useful before moving a kubeconfig to a machine without the plugin.' }
            @{ Title = 'The user behind a context'; Code = 'Get-KubeContext staging | Get-KubeUser'; Remarks = 'Binds the context''s User property.' }
        )
    }
    'Use-KubeContext' = @{
        Description = "Sets current-context, like kubectl config use-context. The context must exist in the merged view. The value is written where kubectl writes it: the -Path file, else the first existing KUBECONFIG file, else ~/.kube/config. The write takes kubectl's lock and is atomic."
        Examples    = @(
            @{ Title = 'Switch by name'; Code = 'Use-KubeContext minikube'; Remarks = 'Names tab-complete.' }
            @{ Title = 'Switch from the pipeline'; Code = 'Get-KubeContext staging | Use-KubeContext -PassThru'; Remarks = 'Returns the context, now current.' }
            @{ Title = 'See what would change'; Code = 'Use-KubeContext prod -WhatIf'; Remarks = 'Names the file that would be written; writes nothing.' }
        )
    }
    'Set-KubeContext' = @{
        Description = "Changes the namespace, cluster or user of a context, like kubectl config set-context. A context that does not exist is created in the default file, as kubectl does. An existing context is changed in the file that defines it; everything KubeLab does not model (extensions and so on) is kept."
        Examples    = @(
            @{ Title = 'Namespace of the current context'; Code = 'Set-KubeContext -Current -Namespace kube-system'; Remarks = 'kubectl commands without -n now use kube-system.' }
            @{ Title = 'Create a context'; Code = 'Set-KubeContext -Name lab-admin -Cluster minikube -User minikube -Namespace default -PassThru'; Remarks = 'Cluster and user names tab-complete.' }
            @{ Title = 'Clear the namespace'; Code = 'Set-KubeContext staging -Namespace ""'; Remarks = 'kubectl then uses the default namespace.' }
        )
    }
    'Rename-KubeContext' = @{
        Description = "Renames a context in the file that defines it, like kubectl config rename-context. If it was the current context, current-context follows the new name. Renaming onto an existing name is an error and changes nothing."
        Examples    = @(
            @{ Title = 'Rename'; Code = 'Rename-KubeContext -Name minikube -NewName lab'; Remarks = 'The cluster and user keep their names.' }
        )
    }
    'Remove-KubeContext' = @{
        Description = "Deletes contexts from the file that defines them, like kubectl config delete-context. With -RemoveUnused it also deletes each context's cluster and user when no remaining context uses them. Deleting the current context warns, as kubectl does."
        Examples    = @(
            @{ Title = 'Remove old contexts'; Code = 'Get-KubeContext -Name old-* | Remove-KubeContext'; Remarks = 'Contexts pipe by name.' }
            @{ Title = 'Remove with its orphaned cluster and user'; Code = 'Remove-KubeContext gone -RemoveUnused -PassThru'; Remarks = 'Returns what was removed.' }
        )
    }
    'Remove-KubeCluster' = @{
        Description = "Deletes clusters from the file that defines them, like kubectl config delete-cluster. Contexts that still point at the cluster are left as they are."
        Examples    = @(
            @{ Title = 'Remove a cluster'; Code = 'Remove-KubeCluster old-cluster'; Remarks = 'Use -WhatIf first to see which file changes.' }
        )
    }
    'Remove-KubeUser' = @{
        Description = "Deletes users (credentials) from the file that defines them, like kubectl config delete-user."
        Examples    = @(
            @{ Title = 'Remove users not used by any context'; Code = '$used = (Get-KubeContext).User; Get-KubeUser | Where-Object Name -notin $used | Remove-KubeUser'; Remarks = 'Users pipe by name.' }
        )
    }

    'Install-Kubectl' = @{
        Description = "Installs kubectl from dl.k8s.io (latest stable from release/stable.txt unless -Version). The download is verified against upstream's SHA-256 (or -Sha256) before anything is placed; the binary is written to a temp file in the destination folder and renamed into place with mode 0755, so a failure (checksum mismatch, truncated body, HTTP error, timeout, full disk) leaves the previous binary untouched. Transient failures are retried with backoff; a 404 is not. Every URL honours -Mirror or `$env:KUBELAB_MIRROR (upstream https://HOST/PATH is fetched from MIRROR/HOST/PATH). Already at the requested version: nothing is downloaded and Status is AlreadyInstalled; -Force reinstalls."
        Examples    = @(
            @{ Title = 'Latest stable kubectl'; Code = 'Install-Kubectl'; Remarks = 'As root into /usr/local/bin, otherwise into ~/.local/bin (with a warning when that is not on PATH).' }
            @{ Title = 'A pinned version from a mirror'; Code = 'Install-Kubectl -Version 1.33.1 -Mirror https://mirror.example/kubelab -Verbose'; Remarks = '-Verbose shows every URL fetched.' }
        )
    }
    'Install-Kustomize' = @{
        Description = "Installs kustomize from its GitHub release archive: the tar.gz is verified against checksums.txt, then the kustomize binary is extracted and placed. The download is verified against upstream's SHA-256 (or -Sha256) before anything is placed; the binary is written to a temp file in the destination folder and renamed into place with mode 0755, so a failure (checksum mismatch, truncated body, HTTP error, timeout, full disk) leaves the previous binary untouched. Transient failures are retried with backoff; a 404 is not. Every URL honours -Mirror or `$env:KUBELAB_MIRROR (upstream https://HOST/PATH is fetched from MIRROR/HOST/PATH). Already at the requested version: nothing is downloaded and Status is AlreadyInstalled; -Force reinstalls."
        Examples    = @(
            @{ Title = 'Latest kustomize into a folder of your own'; Code = 'Install-Kustomize -Destination ~/bin'; Remarks = 'Returns the installed tool with its version, path and SHA-256.' }
        )
    }
    'Install-Minikube' = @{
        Description = "Installs minikube from its GitHub release. The download is verified against upstream's SHA-256 (or -Sha256) before anything is placed; the binary is written to a temp file in the destination folder and renamed into place with mode 0755, so a failure (checksum mismatch, truncated body, HTTP error, timeout, full disk) leaves the previous binary untouched. Transient failures are retried with backoff; a 404 is not. Every URL honours -Mirror or `$env:KUBELAB_MIRROR (upstream https://HOST/PATH is fetched from MIRROR/HOST/PATH). Already at the requested version: nothing is downloaded and Status is AlreadyInstalled; -Force reinstalls."
        Examples    = @(
            @{ Title = 'Latest minikube'; Code = 'Install-Minikube'; Remarks = 'Then start a cluster as a normal user: minikube refuses the docker driver as root.' }
            @{ Title = 'See what would happen'; Code = 'Install-Minikube -Version v1.38.1 -WhatIf'; Remarks = 'Resolves nothing and writes nothing.' }
        )
    }
    'Install-DockerCompose' = @{
        Description = "Installs the standalone docker-compose binary from its GitHub release (asset docker-compose-linux-x86_64 and so on). The download is verified against upstream's SHA-256 (or -Sha256) before anything is placed; the binary is written to a temp file in the destination folder and renamed into place with mode 0755, so a failure (checksum mismatch, truncated body, HTTP error, timeout, full disk) leaves the previous binary untouched. Transient failures are retried with backoff; a 404 is not. Every URL honours -Mirror or `$env:KUBELAB_MIRROR (upstream https://HOST/PATH is fetched from MIRROR/HOST/PATH). Already at the requested version: nothing is downloaded and Status is AlreadyInstalled; -Force reinstalls."
        Examples    = @(
            @{ Title = 'Latest docker-compose'; Code = 'Install-DockerCompose'; Remarks = 'Verified against the asset''s .sha256 file.' }
            @{ Title = 'With a checksum you trust, from a mirror without checksum files'; Code = 'Install-DockerCompose -Version v2.29.7 -Mirror /srv/mirror -Sha256 <64 hex digits>'; Remarks = 'A local folder works as a mirror too.' }
        )
    }
    'Install-KubeLabTool' = @{
        Description = "Installs several tools at once: downloads run in parallel, each with its own progress bar. With one tool a failure ends the command; with several, each failure is reported and the others still install. The download is verified against upstream's SHA-256 (or -Sha256) before anything is placed; the binary is written to a temp file in the destination folder and renamed into place with mode 0755, so a failure (checksum mismatch, truncated body, HTTP error, timeout, full disk) leaves the previous binary untouched. Transient failures are retried with backoff; a 404 is not. Every URL honours -Mirror or `$env:KUBELAB_MIRROR (upstream https://HOST/PATH is fetched from MIRROR/HOST/PATH). Already at the requested version: nothing is downloaded and Status is AlreadyInstalled; -Force reinstalls."
        Examples    = @(
            @{ Title = 'The whole lab toolbox'; Code = 'Install-KubeLabTool -Name kubectl, kustomize, minikube, docker-compose'; Remarks = 'One object per tool with Status Installed, AlreadyInstalled or Updated.' }
            @{ Title = 'From an air-gapped mirror'; Code = '$env:KUBELAB_MIRROR = ''https://mirror.example/kubelab''; Install-KubeLabTool kubectl, minikube'; Remarks = 'The mirror keeps the upstream layout HOST/PATH.' }
        )
    }
    'Update-KubeLabTool' = @{
        Description = "Brings installed tools to the latest stable release (or -Version). A tool that is not installed is an error, not an install. Takes Get-KubeLabTool output from the pipeline. The download is verified against upstream's SHA-256 (or -Sha256) before anything is placed; the binary is written to a temp file in the destination folder and renamed into place with mode 0755, so a failure (checksum mismatch, truncated body, HTTP error, timeout, full disk) leaves the previous binary untouched. Transient failures are retried with backoff; a 404 is not. Every URL honours -Mirror or `$env:KUBELAB_MIRROR (upstream https://HOST/PATH is fetched from MIRROR/HOST/PATH). Already at the requested version: nothing is downloaded and Status is AlreadyInstalled; -Force reinstalls."
        Examples    = @(
            @{ Title = 'Update what is out of date'; Code = 'Get-KubeLabTool -Online | Where-Object UpdateAvailable | Update-KubeLabTool'; Remarks = 'Name and Destination bind from the piped objects.' }
        )
    }
    'Get-KubeLabTool' = @{
        Description = "Shows kubectl, kustomize, minikube and docker-compose in a folder: whether each is installed, the version it reports (JSON output of its own version command where it has one) and its path. With -Online it also resolves the latest stable release and sets UpdateAvailable."
        Examples    = @(
            @{ Title = 'What is installed'; Code = 'Get-KubeLabTool'; Remarks = 'Looks in /usr/local/bin as root, otherwise ~/.local/bin.' }
            @{ Title = 'What could be updated'; Code = 'Get-KubeLabTool -Online | Where-Object UpdateAvailable'; Remarks = 'Uses -Mirror or $env:KUBELAB_MIRROR when set.' }
        )
    }
    'Uninstall-KubeLabTool' = @{
        Description = "Removes tools that KubeLab installed. KubeLab records each binary it places (name, version, SHA-256, source) in its state folder (/var/lib/kubelab as root, else ~/.local/state/kubelab; see about_KubeLab_Tools); a binary that is not recorded, or whose hash no longer matches (installed by apt or replaced by hand), is left alone with a warning."
        Examples    = @(
            @{ Title = 'Remove minikube'; Code = 'Uninstall-KubeLabTool minikube'; Remarks = 'Asks for confirmation; add -Confirm:$false in scripts.' }
            @{ Title = 'Preview removing everything KubeLab installed'; Code = 'Get-KubeLabTool | Where-Object ManagedByKubeLab | Uninstall-KubeLabTool -WhatIf'; Remarks = 'Nothing is removed with -WhatIf.' }
        )
    }

    # Minikube
    'Start-Minikube' = @{
        Description = "Runs minikube start -o json and turns its step events into one progress bar (step N of M with the step's name); its warnings go to the warning stream, its info messages to -Verbose, and its error event (reason, exit code, advice, documentation and issue links) becomes the error record. Returns the cluster's status, one object per node.`n`nminikube's docker driver refuses root: under sudo, minikube runs as the invoking user (SUDO_USER, with that user's HOME); as plain root the command fails before anything runs. When the user is in the docker group but this session does not hold it yet (added after logging in), minikube runs through 'sg docker' with a warning; when the user is not in the group at all, the error names Add-DockerGroupUser.`n`n-Mirror (or `$env:KUBELAB_MIRROR) becomes minikube's --binary-mirror in the same MIRROR/HOST/PATH layout as the tool downloads, so one mirror serves the whole lab. -Verbose shows the minikube command exactly as run."
        Examples    = @(
            @{ Title = 'A default cluster'; Code = 'Start-Minikube'; Remarks = 'Profile minikube, the docker driver chosen by minikube, and the status when it is up.' }
            @{ Title = 'A two-node cluster with addons'; Code = 'Start-Minikube -Profile lab -Nodes 2 -KubernetesVersion v1.33.1 -Addon metrics-server, ingress'; Remarks = 'One status object per node: lab and lab-m02.' }
            @{ Title = 'Air-gapped'; Code = 'Start-Minikube -Mirror https://mirror.example/kubelab -ImageRepository registry.example/k8s'; Remarks = 'kubectl, kubelet and kubeadm come from MIRROR/dl.k8s.io/release.' }
        )
    }
    'Get-MinikubeStatus' = @{
        Description = "Runs minikube status -o json and returns one object per node (Profile, Node, Host, Kubelet, APIServer, Kubeconfig, Worker). minikube's exit code is a bitmask (1 host, 2 Kubernetes, 4 kubeconfig, ORed over the nodes); it is decoded into ExitCode, HostNotRunning, KubernetesNotRunning, KubeconfigNotConfigured and Healthy, and is never an error by itself. A profile that does not exist (exit 85) is a non-terminating error, so other profiles in the pipeline are still shown."
        Examples    = @(
            @{ Title = 'Is the cluster up?'; Code = '(Get-MinikubeStatus).Healthy'; Remarks = 'True only when every node is Running and the kubeconfig is Configured.' }
            @{ Title = 'Every profile'; Code = 'Get-MinikubeProfile | Get-MinikubeStatus'; Remarks = 'The profile''s Name binds to -Profile.' }
        )
    }
    'Stop-Minikube' = @{
        Description = "Runs minikube stop for a profile (or -All), with a progress bar from its events. Unless -KeepContext, minikube removes the profile's cluster, user and context from the kubeconfig (and clears current-context if it was the profile)."
        Examples    = @(
            @{ Title = 'Stop the default cluster'; Code = 'Stop-Minikube'; Remarks = 'Profile minikube.' }
            @{ Title = 'Stop every running profile'; Code = 'Get-MinikubeProfile | Where-Object Status -eq OK | Stop-Minikube'; Remarks = 'Name binds to -Profile.' }
        )
    }
    'Remove-Minikube' = @{
        Description = "Runs minikube delete for a profile (or -All): the node containers, the profile and its kubeconfig entries go. -Purge also removes minikube's folder (~/.minikube); with more than one profile minikube wants -All with it. Asks for confirmation."
        Examples    = @(
            @{ Title = 'Delete a cluster'; Code = 'Remove-Minikube -Profile lab -Confirm:$false'; Remarks = 'A profile that does not exist only warns, as minikube does.' }
            @{ Title = 'Start over completely'; Code = 'Remove-Minikube -All -Purge'; Remarks = 'Removes every profile and ~/.minikube.' }
        )
    }
    'Suspend-Minikube' = @{
        Description = "Runs minikube pause: the containers of the chosen namespaces (default kube-system, kubernetes-dashboard, istio-operator; -AllNamespaces for all) are frozen, so Kubernetes stops answering while the node keeps running. The cluster must be running (exit 83 otherwise)."
        Examples    = @(
            @{ Title = 'Pause everything'; Code = 'Suspend-Minikube -AllNamespaces -PassThru'; Remarks = 'The status afterwards shows APIServer Paused.' }
        )
    }
    'Resume-Minikube' = @{
        Description = "Runs minikube unpause for the chosen namespaces (default minikube's list; -AllNamespaces for all)."
        Examples    = @(
            @{ Title = 'Resume'; Code = 'Resume-Minikube -AllNamespaces'; Remarks = 'Kubernetes answers again.' }
        )
    }
    'Get-MinikubeProfile' = @{
        Description = "Runs minikube profile list -o json and returns one object per profile: Name, Status (OK, Stopped, Paused ...), Driver, KubernetesVersion, ContainerRuntime, Nodes, Active (the profile minikube uses without -p) and ActiveKubeContext. Profiles minikube finds invalid (no config, no driver) are returned with Valid False and Status Invalid, so they can be piped to Remove-Minikube."
        Examples    = @(
            @{ Title = 'All profiles'; Code = 'Get-MinikubeProfile'; Remarks = 'The active profile is marked with *.' }
            @{ Title = 'Clean up invalid profiles'; Code = 'Get-MinikubeProfile | Where-Object -Not Valid | Remove-Minikube'; Remarks = 'Name binds to -Profile.' }
        )
    }
    'Get-MinikubeAddon' = @{
        Description = "Runs minikube addons list -o json for a profile and returns one object per addon (Name, Enabled, Profile). Names accept wildcards."
        Examples    = @(
            @{ Title = 'What is enabled'; Code = 'Get-MinikubeAddon -Enabled'; Remarks = 'For the minikube profile.' }
            @{ Title = 'Enable from the list'; Code = 'Get-MinikubeAddon metrics-server | Enable-MinikubeAddon'; Remarks = 'Name and Profile bind by property name.' }
        )
    }
    'Enable-MinikubeAddon' = @{
        Description = "Runs minikube addons enable for each addon. -PassThru returns each addon as minikube lists it afterwards."
        Examples    = @(
            @{ Title = 'Enable metrics-server'; Code = 'Enable-MinikubeAddon metrics-server -PassThru'; Remarks = 'Enabled is True afterwards.' }
            @{ Title = 'From the list'; Code = 'Get-MinikubeAddon metrics-server | Enable-MinikubeAddon'; Remarks = 'Name and Profile bind by property name.' }
        )
    }
    'Disable-MinikubeAddon' = @{
        Description = "Runs minikube addons disable for each addon. -PassThru returns each addon as minikube lists it afterwards."
        Examples    = @(
            @{ Title = 'Disable every enabled addon'; Code = 'Get-MinikubeAddon -Enabled | Disable-MinikubeAddon'; Remarks = 'Asks nothing; use -WhatIf to preview.' }
        )
    }
    'Invoke-MinikubeSsh' = @{
        Description = "Runs a command on a minikube node through minikube ssh and returns its output as lines. The command is an argument list and is quoted for the node's shell, so it runs exactly as given; for a shell pipeline pass sh, -c and the line. Write the command after -- when it has arguments that start with a dash, so PowerShell does not read them as parameters. A non-zero exit is a non-terminating error (minikube reports every remote failure as 1). Without a command it opens an interactive shell on this terminal."
        Examples    = @(
            @{ Title = 'A command on the node'; Code = 'Invoke-MinikubeSsh uname -a'; Remarks = 'Output as strings.' }
            @{ Title = 'A shell line'; Code = 'Invoke-MinikubeSsh -- sh -c ''ps aux | grep kubelet'''; Remarks = 'The pipe runs on the node.' }
            @{ Title = 'Interactive'; Code = 'Invoke-MinikubeSsh -Profile lab -Node lab-m02'; Remarks = 'A shell on the second node.' }
        )
    }
    'Invoke-MinikubeKubectl' = @{
        Description = "Runs minikube kubectl -- args: a kubectl matching the cluster's Kubernetes version, pointed at the profile's cluster. Output comes back as lines; kubectl's exit code becomes a non-terminating error."
        Examples    = @(
            @{ Title = 'Pods of every namespace'; Code = 'Invoke-MinikubeKubectl -- get pods -A'; Remarks = 'Arguments after -- go to kubectl unchanged.' }
        )
    }
    # Host
    'Test-KubeLabHost' = @{
        Description = "Checks, before anything is downloaded, whether this machine can run the lab, and returns one object per check (Check, Required, Actual, Passed, Advice): the OS and codename (does Docker's repository have it?), the architecture, CPUs >= 2, memory >= 2 GiB, free disk >= 20 GiB where Docker keeps its data, the isolation the kernel offers (pid, net, mnt, uts, ipc, user and cgroup namespaces, cgroup v2, overlayfs), hardware virtualization, Docker installed and answering, and the docker group in this session. A container is an ordinary process that the kernel gives its own namespaces, cgroups and root filesystem: the Advice of a failed isolation check says which kernel feature is missing and what the lab loses without it. Reads /etc/os-release, /proc, /sys/fs/cgroup, statvfs and the Docker socket; changes nothing. -Quiet returns one boolean: true when every check that is not optional passed."
        Examples    = @(
            @{ Title = 'Every check'; Code = 'Test-KubeLabHost'; Remarks = 'Failed checks carry advice.' }
            @{ Title = 'Only what fails'; Code = 'Test-KubeLabHost | Where-Object -Not Passed | Format-List Check, Actual, Advice'; Remarks = 'What to fix first.' }
            @{ Title = 'As a gate in a script'; Code = 'if (-not (Test-KubeLabHost -Quiet)) { throw ''This host cannot run the lab'' }'; Remarks = 'Optional checks (user namespaces, virtualization) do not count.' }
        )
    }

    # Docker
    'Install-Docker' = @{
        Description = "Installs Docker Engine the way Docker's documentation does, as one command. -Source Official (the default): removes the distribution's conflicting packages (docker.io, containerd, runc ...; /var/lib/docker is kept), downloads Docker's key and checks its fingerprint (Docker's published 9DC8 5822 9FC7 DD38 854A E2D8 8D81 803C 0EBF CD88, or -KeyFingerprint for a mirror's own key) BEFORE anything is written, then writes /etc/apt/keyrings/docker.asc and the deb822 /etc/apt/sources.list.d/docker.sources (removing a stale docker.list), refreshes Docker's repository and installs docker-ce, docker-ce-cli, containerd.io, docker-buildx-plugin and docker-compose-plugin. -Source Distribution installs the distribution's docker.io instead. Ubuntu and Debian are supported, and derivatives through the release they name (UBUNTU_CODENAME: Linux Mint, Pop!_OS ...); anything else is refused before anything runs.`n`nThen the daemon is started and waited for: systemd where it is PID 1, else the init script, else dockerd in the background with its log in /var/log/kubelab-dockerd.log (named by DaemonLog in the result). When Docker is already installed at the requested version and answering, nothing runs and Status is AlreadyInstalled.`n`n-Mirror (or `$env:KUBELAB_MIRROR) serves the key and the apt repository from MIRROR/download.docker.com/linux/..., the same layout as every KubeLab download. Privileged steps run as root directly, else through 'sudo -n'; -WhatIf lists the whole plan in order (each command, each file written, the key check) and -Verbose shows each command exactly as run.`n`nAfter installing, put yourself in the docker group with Add-DockerGroupUser, and log in again: until then docker says 'permission denied'."
        Examples    = @(
            @{ Title = 'Docker Engine from Docker''s repository'; Code = 'sudo pwsh -c Install-Docker'; Remarks = 'Returns a DockerEngine with the versions, the source and how the daemon was started.' }
            @{ Title = 'See the plan first'; Code = 'Install-Docker -WhatIf'; Remarks = 'Every command, file and key check, in order; nothing changes.' }
            @{ Title = 'A pinned version from a mirror with its own key'; Code = 'Install-Docker -Version 29.4.0 -Mirror https://mirror.example/kubelab -KeyFingerprint ''ABCD 1234 ...'''; Remarks = '-Version matches the apt version as apt-cache madison lists it, or its upstream part.' }
            @{ Title = 'The distribution''s package'; Code = 'Install-Docker -Source Distribution'; Remarks = 'Debian''s or Ubuntu''s docker.io.' }
        )
    }
    'Uninstall-Docker' = @{
        Description = "Stops the daemon, purges Docker Engine's packages (docker-ce, docker-ce-cli, containerd.io, the plugins, docker-ce-rootless-extras, or docker.io), and removes Docker's apt source (docker.sources or docker.list) and /etc/apt/keyrings/docker.asc. Images, containers and volumes in /var/lib/docker and /var/lib/containerd are kept unless -RemoveData is given. Edited configuration such as /etc/docker/daemon.json is left for you to remove."
        Examples    = @(
            @{ Title = 'Remove Docker, keep the data'; Code = 'Uninstall-Docker'; Remarks = 'Asks for confirmation; -WhatIf shows each step.' }
            @{ Title = 'Remove everything'; Code = 'Uninstall-Docker -RemoveData -Confirm:$false'; Remarks = 'Deletes every image, container and volume too.' }
        )
    }
    'Get-DockerEngine' = @{
        Description = "Describes Docker Engine on this machine: the client version, the daemon's version and API version as its Engine API reports them (asked over the socket, not by parsing CLI text), where it came from (Official for docker-ce, Distribution for docker.io, Other, None), the endpoint (the socket, or DOCKER_HOST), data root, storage driver, cgroup version and whether it runs rootless. A daemon that does not answer is a value, not an error: DaemonRunning is false and Message says why (not running, or permission denied because this session is not in the docker group yet)."
        Examples    = @(
            @{ Title = 'Is Docker ready?'; Code = 'Get-DockerEngine'; Remarks = 'A table with the versions, source and whether the daemon runs.' }
            @{ Title = 'Ready for minikube''s rootless path?'; Code = 'Get-DockerEngine | Select-Object CgroupVersion, Rootless, StorageDriver'; Remarks = 'minikube on rootless Docker wants cgroup v2.' }
        )
    }
    'Add-DockerGroupUser' = @{
        Description = "Adds users to the docker group (creating the group when it is missing), so they can run docker without sudo. The default user is the one who invoked KubeLab: SUDO_USER under sudo, else the current user. Names are checked against the system's rules before any command runs, and reach usermod as a single argument, never through a shell.`n`nThe most reported problem of this whole setup: 'I was added, but docker still says permission denied'. A session keeps the groups it started with, so membership takes effect only after the user logs out and in again (a VM may need a reboot), or in a shell started with 'newgrp docker'. The result says so: IsMember is true at once, IsActiveInSession only when this very process holds the group and can open the socket, and Advice (also written as a warning) says what to do.`n`nThe docker group is root-equivalent: add only users you would give sudo."
        Examples    = @(
            @{ Title = 'Add yourself'; Code = 'sudo pwsh -c Add-DockerGroupUser'; Remarks = 'Adds SUDO_USER; then log in again or run newgrp docker.' }
            @{ Title = 'Add several users'; Code = 'Add-DockerGroupUser -UserName alice, bob'; Remarks = 'One result per user; a bad name is that name''s error and the others go on.' }
            @{ Title = 'From objects with a UserName property'; Code = 'Import-Csv users.csv | Add-DockerGroupUser'; Remarks = 'Binds UserName (or Name) by property name.' }
        )
    }
    'Get-DockerGroupUser' = @{
        Description = "Shows, for each user, whether the group database puts them in the docker group (IsMember) and whether that is already in effect for this session (IsActiveInSession: this process holds the group and can open the Docker socket). Without -UserName: every member of the docker group, and the invoking user. Advice says what to do when membership is not in effect yet (log in again, or newgrp docker)."
        Examples    = @(
            @{ Title = 'Why does docker say permission denied?'; Code = 'Get-DockerGroupUser -UserName $env:USER | Format-List'; Remarks = 'IsMember true but IsActiveInSession false means: log in again, or run newgrp docker.' }
        )
    }
    'Remove-DockerGroupUser' = @{
        Description = "Takes users out of the docker group (gpasswd -d). The group itself stays. Sessions that already hold the group keep it until they end."
        Examples    = @(
            @{ Title = 'Remove a user'; Code = 'Remove-DockerGroupUser -UserName bob'; Remarks = 'Returns the membership afterwards (IsMember false).' }
        )
    }

    # Lab
    'Install-KubeLab' = @{
        Description = "The whole lab in one command, from a bare Ubuntu or Debian box to a running local Kubernetes: the host checks (Test-KubeLabHost; a failed requirement stops everything before anything changes, with each check's advice, unless -Force turns the failures into warnings), Docker Engine (Install-Docker), the invoking user in the docker group (Add-DockerGroupUser; SUDO_USER under sudo), docker-compose, kubectl, kustomize and minikube (Install-KubeLabTool) and a minikube cluster (Start-Minikube), ending with its context.`n`nEach step is skipped when it is already done, so a second run changes nothing, downloads nothing and calls no apt; an interrupted or failed run resumes where it stopped. Steps that do not depend on each other overlap: the four tool downloads run while apt installs Docker. One progress bar covers the steps, with a child bar for each running step. -WhatIf lists every step, whether it would run or is already done, with the commands and files of those that would run.`n`nReturns one summary: Steps (Name, Status: Done, AlreadyDone, Skipped or Failed, Duration, Detail), Versions, Context and NextSteps (for example: log in again for the docker group). -Mirror (or `$env:KUBELAB_MIRROR) serves every download: Docker's key and apt repository, the four binaries and minikube's binary mirror."
        Examples    = @(
            @{ Title = 'The whole lab'; Code = 'sudo pwsh -c Install-KubeLab'; Remarks = 'Returns the summary; $summary.Steps shows each step''s status, duration and detail.' }
            @{ Title = 'See the plan first'; Code = 'Install-KubeLab -WhatIf'; Remarks = 'Every step, whether it would run or is already done; nothing changes.' }
            @{ Title = 'Through a mirror, with Debian''s docker.io, without starting minikube'; Code = 'Install-KubeLab -Mirror https://mirror.example/kubelab -DockerSource Distribution -SkipMinikubeStart'; Remarks = 'Start-Minikube starts the cluster later.' }
        )
    }
    'Get-KubeLab' = @{
        Description = "The lab's state as one object: whether the host checks pass, Docker Engine's version and whether the daemon answers, whether the invoking user is in the docker group and whether this session holds it, each tool's version (with -Online the latest release and whether it is outdated), the minikube profiles and their status, and the current kubeconfig context. Changes nothing; without -Online it asks no server."
        Examples    = @(
            @{ Title = 'What do I have?'; Code = 'Get-KubeLab'; Remarks = 'Docker, group, tools, profiles and the current context.' }
            @{ Title = 'What is out of date?'; Code = '(Get-KubeLab -Online).Tools | Where-Object UpdateAvailable'; Remarks = 'Pipe them to Update-KubeLabTool.' }
        )
    }
    'Uninstall-KubeLab' = @{
        Description = "Undoes Install-KubeLab: deletes the minikube profiles, removes the tools that KubeLab installed (its install records say which; a binary replaced since is left alone), takes the user that KubeLab put in the docker group out of it, and with -RemoveDocker removes Docker Engine too when KubeLab installed it (-RemoveData also removes Docker's data and minikube's folder). Nothing that KubeLab did not install is touched. -WhatIf shows the plan."
        Examples    = @(
            @{ Title = 'See what would go'; Code = 'Uninstall-KubeLab -WhatIf'; Remarks = 'Each profile, tool and group change.' }
            @{ Title = 'Everything, Docker included'; Code = 'sudo pwsh -c "Uninstall-KubeLab -RemoveDocker -RemoveData -Confirm:`$false"'; Remarks = 'Leaves the machine as Install-KubeLab found it.' }
        )
    }
}
