#!/bin/sh
# Coverage-guided fuzzing of the kubeconfig reader (AFL++ through SharpFuzz), outside CI:
#   fuzz/run.sh [seconds]          default 600; findings in $KUBELAB_FUZZ_WORK (default /tmp/kubelab-afl)/findings
# It installs afl++ (apt) and the sharpfuzz instrumenter (a .NET tool in the work folder) when missing, publishes
# the harness, instruments KubeLab.Core and YamlDotNet (so AFL++ sees coverage in both parsers), and fuzzes from
# the seed files in fuzz/corpus. What counts as a finding: see KubeLab.KubeConfigFuzz/Program.cs. Repeat one with
#   dotnet $WORK/bin/KubeLab.KubeConfigFuzz.dll < $WORK/findings/default/crashes/<file>
set -eu
seconds=${1:-600}
here=$(cd "$(dirname "$0")" && pwd)
work=${KUBELAB_FUZZ_WORK:-/tmp/kubelab-afl}
mkdir -p "$work"

if ! command -v afl-fuzz >/dev/null 2>&1; then
    apt-get update -qq && apt-get install -y -qq afl++ >/dev/null
fi
if [ ! -x "$work/tools/sharpfuzz" ]; then
    dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$work/tools" >/dev/null
fi

rm -rf "$work/bin"
dotnet publish "$here/KubeLab.KubeConfigFuzz" -c Release -o "$work/bin" -v quiet -nologo
for dll in KubeLab.Core.dll YamlDotNet.dll; do
    "$work/tools/sharpfuzz" "$work/bin/$dll"
done

# The instrumentation is in the .NET assemblies, not in the dotnet binary AFL++ starts (so skip its check); no core
# dumps to wait for and no CPU governor to tune on a shared machine.
export AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1
afl-fuzz -V "$seconds" -t 5000 -m none -i "$here/corpus" -o "$work/findings" -- dotnet "$work/bin/KubeLab.KubeConfigFuzz.dll"

crashes=$(find "$work/findings/default/crashes" -type f -name 'id:*' 2>/dev/null | wc -l)
hangs=$(find "$work/findings/default/hangs" -type f -name 'id:*' 2>/dev/null | wc -l)
echo "kubeconfig fuzz: $seconds s, $crashes finding(s), $hangs hang(s); see $work/findings/default"
[ "$crashes" -eq 0 ] && [ "$hangs" -eq 0 ]
