using System;
using System.Globalization;
using System.Management.Automation;
using KubeLab.Tools;

namespace KubeLab.Infrastructure
{
    /// <summary>One progress bar per tool (its own ActivityId), fed by Core's download progress.</summary>
    internal sealed class DownloadProgressBar : IProgress<ToolInstallProgress>
    {
        private readonly int _activityId;
        private readonly Action<ProgressRecord> _write;

        public DownloadProgressBar(int activityId, Action<ProgressRecord> write)
        {
            _activityId = activityId;
            _write = write;
        }

        public void Report(ToolInstallProgress value)
        {
            var activity = $"Installing {value.Name} {value.Version}";
            if (value.Completed)
            {
                _write(new ProgressRecord(_activityId, activity, "Done") { RecordType = ProgressRecordType.Completed });
                return;
            }

            var status = value.TotalBytes.HasValue
                ? $"{Bytes(value.BytesReceived)} of {Bytes(value.TotalBytes.Value)} bytes"
                : $"{Bytes(value.BytesReceived)} bytes";
            var record = new ProgressRecord(_activityId, activity, status);
            if (value.TotalBytes.HasValue && value.TotalBytes.Value > 0)
            {
                record.PercentComplete = (int)Math.Min(100, value.BytesReceived * 100 / value.TotalBytes.Value);
            }

            _write(record);
        }

        private static string Bytes(long bytes) => bytes.ToString("#,0", CultureInfo.InvariantCulture);
    }
}
