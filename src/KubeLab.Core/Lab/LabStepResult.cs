using System;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace KubeLab.Lab
{
    /// <summary>What became of a step in one run of the lab.</summary>
    [JsonConverter(typeof(StringEnumConverter))]
    public enum LabStepStatus
    {
        /// <summary>It ran and finished.</summary>
        Done,

        /// <summary>Its result was already in place; nothing ran.</summary>
        AlreadyDone,

        /// <summary>Not run: -WhatIf, declined, or a step it depends on failed.</summary>
        Skipped,

        /// <summary>It ran and failed; see Error.</summary>
        Failed,
    }

    /// <summary>One row of the lab summary.</summary>
    public sealed class LabStepResult
    {
        public LabStepResult(string name, LabStepStatus status, TimeSpan duration, string detail, Exception? error = null)
        {
            Name = name;
            Status = status;
            Duration = duration;
            Detail = detail;
            Error = error;
        }

        public string Name { get; }

        public LabStepStatus Status { get; }

        public TimeSpan Duration { get; }

        public string Detail { get; }

        public Exception? Error { get; }

        /// <summary>When the step started, once what it depends on had finished (steps that overlap show it here).</summary>
        public DateTimeOffset StartedAt { get; internal set; }

        /// <summary>Not run because -WhatIf or the user said no (to it or to a step it depends on), not because of a failure.</summary>
        public bool Declined { get; internal set; }

        public override string ToString() => $"{Name}: {Status}";
    }
}
