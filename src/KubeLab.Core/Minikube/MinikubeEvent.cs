using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using YamlDotNet.RepresentationModel;

namespace KubeLab.Minikube
{
    /// <summary>The kinds of CloudEvent minikube prints with -o json (pkg/minikube/out/register/log.go).</summary>
    [JsonConverter(typeof(StringEnumConverter))]
    public enum MinikubeEventKind
    {
        Unknown,
        Step,
        Download,
        DownloadProgress,
        Info,
        Warning,
        Error,
    }

    /// <summary>One line of minikube's -o json event stream: a CloudEvent whose data values are all strings.</summary>
    public sealed class MinikubeEvent
    {
        private const string TypePrefix = "io.k8s.sigs.minikube.";

        private MinikubeEvent(MinikubeEventKind kind, string type, IReadOnlyDictionary<string, string> data)
        {
            Kind = kind;
            Type = type;
            Data = data;
        }

        public MinikubeEventKind Kind { get; }

        /// <summary>The CloudEvent type, such as io.k8s.sigs.minikube.step.</summary>
        public string Type { get; }

        public IReadOnlyDictionary<string, string> Data { get; }

        public string? Message => Get("message");

        /// <summary>A step's name (register.RegStep, such as "Creating Container").</summary>
        public string? Name => Get("name");

        public int? CurrentStep => Number("currentstep");

        public int? TotalSteps => Number("totalsteps");

        public int? ExitCode => Number("exitcode");

        public string? Get(string key) => Data.TryGetValue(key, out var value) && value.Length > 0 ? value : null;

        /// <summary>One line of the stream; null for a line that is not a minikube CloudEvent (klog text, blank).</summary>
        public static MinikubeEvent? TryParse(string line)
        {
            var text = line.Trim();
            if (!text.StartsWith("{", StringComparison.Ordinal) || text.IndexOf("\"specversion\"", StringComparison.Ordinal) < 0)
            {
                return null;
            }

            YamlNode root;
            try
            {
                root = MinikubeJson.Parse(text, "a minikube event");
            }
            catch (MinikubeException)
            {
                return null;
            }

            var type = MinikubeJson.Text(root, "type");
            if (type == null || !type.StartsWith(TypePrefix, StringComparison.Ordinal))
            {
                return null;
            }

            var data = new Dictionary<string, string>(StringComparer.Ordinal);
            if (MinikubeJson.Child(root, "data") is YamlMappingNode mapping)
            {
                foreach (var entry in mapping.Children)
                {
                    if (entry.Key is YamlScalarNode key && key.Value != null)
                    {
                        data[key.Value] = MinikubeJson.Text(entry.Value) ?? string.Empty;
                    }
                }
            }

            return new MinikubeEvent(KindOf(type.Substring(TypePrefix.Length)), type, data);
        }

        /// <summary>Every event in a whole output, in order; other lines are skipped.</summary>
        public static IReadOnlyList<MinikubeEvent> ParseAll(string output) =>
            output.Split('\n').Select(TryParse).Where(e => e != null).Select(e => e!).ToList();

        private int? Number(string key) =>
            int.TryParse(Get(key), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : (int?)null;

        private static MinikubeEventKind KindOf(string suffix)
        {
            switch (suffix)
            {
                case "step": return MinikubeEventKind.Step;
                case "download": return MinikubeEventKind.Download;
                case "download.progress": return MinikubeEventKind.DownloadProgress;
                case "info": return MinikubeEventKind.Info;
                case "warning": return MinikubeEventKind.Warning;
                case "error": return MinikubeEventKind.Error;
                default: return MinikubeEventKind.Unknown;
            }
        }
    }

    /// <summary>Where a minikube command is, for a progress bar: step N of M with the step's name.</summary>
    public sealed class MinikubeProgress
    {
        public MinikubeProgress(string activity, int currentStep, int totalSteps, string stepName, string? message, bool completed = false)
        {
            Activity = activity;
            CurrentStep = currentStep;
            TotalSteps = totalSteps;
            StepName = stepName;
            Message = message;
            Completed = completed;
        }

        /// <summary>What is running, such as "minikube start -p lab".</summary>
        public string Activity { get; }

        public int CurrentStep { get; }

        public int TotalSteps { get; }

        public string StepName { get; }

        public string? Message { get; }

        public bool Completed { get; }

        /// <summary>0-100; minikube counts steps from 0 and its last step ("Done") is number TotalSteps.</summary>
        public int PercentComplete => TotalSteps <= 0 ? 0 : Math.Max(0, Math.Min(100, CurrentStep * 100 / TotalSteps));
    }
}
