using System;
using System.Threading;

namespace KubeLab.Infrastructure
{
    /// <summary>
    /// Works around a lost wake-up in .NET's portable thread pool (dotnet/runtime#128879, fixed upstream by
    /// dotnet/runtime#128606 but present in the .NET 10 that PowerShell 7.6 runs on): now and then a queued work
    /// item, such as the continuation of a finished download, stays in the queue while every worker sleeps, until
    /// some other work item is queued. Seen here as an Install-Kubectl that waited minutes with all workers idle.
    /// A cmdlet waiting on its async body therefore queues an empty work item at a fixed interval: the new thread
    /// request wakes a worker (or lets the pool's starvation check add one), and that worker drains the queue.
    /// </summary>
    internal static class ThreadPoolNudge
    {
        /// <summary>How long the pipeline thread waits for news from the body before nudging the pool.</summary>
        public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

        private static readonly WaitCallback Nothing = _ => { };

        public static void Nudge() => ThreadPool.UnsafeQueueUserWorkItem(Nothing, null);
    }
}
