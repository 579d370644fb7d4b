using System;
using System.Threading;
using System.Threading.Tasks;

namespace KubeLab.Downloads
{
    /// <summary>How often and how long to wait before retrying a transient download failure.</summary>
    public sealed class RetryPolicy
    {
        public static RetryPolicy Default { get; } = new RetryPolicy(4, TimeSpan.FromSeconds(1));

        /// <param name="sleep">How to wait; tests pass one that records the delay and returns at once.</param>
        public RetryPolicy(int maxAttempts, TimeSpan firstDelay, Func<TimeSpan, CancellationToken, Task>? sleep = null)
        {
            if (maxAttempts < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(maxAttempts), "At least one attempt is needed.");
            }

            MaxAttempts = maxAttempts;
            FirstDelay = firstDelay;
            Sleep = sleep ?? Task.Delay;
        }

        public int MaxAttempts { get; }

        public TimeSpan FirstDelay { get; }

        public Func<TimeSpan, CancellationToken, Task> Sleep { get; }

        /// <summary>Exponential backoff: the first delay, doubled after each further failure.</summary>
        public TimeSpan DelayAfter(int failedAttempt) => TimeSpan.FromTicks(FirstDelay.Ticks * (1L << Math.Min(failedAttempt - 1, 16)));
    }
}
