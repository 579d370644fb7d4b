using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;

namespace KubeLab.Kubeconfig
{
    /// <summary>
    /// The same &lt;file&gt;.lock files kubectl takes (create-new, one per file of the precedence, in ordinal order so two
    /// writers cannot deadlock). kubectl fails at once on a held lock; KubeLab retries for a short, bounded time because
    /// a live writer holds it for milliseconds, and then fails naming the lock so a stale one can be removed.
    /// </summary>
    internal sealed class KubeConfigLocks : IDisposable
    {
        private readonly List<string> _held = new List<string>();
        private readonly List<string> _createdDirectories = new List<string>();

        private KubeConfigLocks()
        {
        }

        public static KubeConfigLocks Acquire(IEnumerable<string> files, TimeSpan wait, IOperationLog log)
        {
            var ordered = files.OrderBy(f => f, StringComparer.Ordinal).ToArray();
            var clock = Stopwatch.StartNew();
            var pause = 5;
            string? announced = null;
            while (true)
            {
                var locks = new KubeConfigLocks();
                var blocked = locks.TryTakeAll(ordered);
                if (blocked == null)
                {
                    return locks;
                }

                // Never wait while holding some locks: that is how two writers would block each other.
                locks.Dispose();
                if (clock.Elapsed >= wait)
                {
                    throw new KubeConfigException(
                        KubeConfigErrorKind.Locked,
                        $"The kubeconfig file {blocked.Value.File} is locked by {blocked.Value.Lock}: another kubectl or KubeLab is editing it. "
                        + "If none is running, the lock is stale (left by a crashed writer) and can be removed.",
                        blocked.Value.File);
                }

                if (announced != blocked.Value.Lock)
                {
                    // Once per lock, not once per retry: a held lock used to print the same line two dozen times.
                    announced = blocked.Value.Lock;
                    log.Verbose($"Waiting up to {wait.TotalSeconds:0.#} s for {announced} (another kubectl or KubeLab is editing the file)");
                }

                Thread.Sleep(pause);
                pause = Math.Min(pause * 2, 100);
            }
        }

        /// <summary>
        /// Called once something was written: the folders the locks created stay, as kubectl leaves them. Without it,
        /// Dispose removes them again when empty, so a failed or empty edit creates nothing (kubectl fails before locking).
        /// </summary>
        public void KeepCreatedDirectories() => _createdDirectories.Clear();

        public void Dispose()
        {
            foreach (var lockFile in _held)
            {
                try
                {
                    File.Delete(lockFile);
                }
                catch (IOException)
                {
                    // Best effort, like kubectl's unlockFile: the edit itself has succeeded or failed already.
                }
                catch (UnauthorizedAccessException)
                {
                }
            }

            _held.Clear();
            KubeConfigDirectories.RemoveIfEmpty(_createdDirectories);
        }

        private (string File, string Lock)? TryTakeAll(IEnumerable<string> files)
        {
            foreach (var file in files)
            {
                var lockFile = file + ".lock";
                try
                {
                    // kubectl creates the folder of a missing chain file too (MkdirAll 0755) before locking it.
                    KubeConfigDirectories.Ensure(Path.GetDirectoryName(file), _createdDirectories);
                    new FileStream(lockFile, FileMode.CreateNew, FileAccess.Write, FileShare.None).Dispose();
                    _held.Add(lockFile);
                }
                catch (IOException ex) when (IsAlreadyExists(ex) || File.Exists(lockFile))
                {
                    // Held. Judged by the error itself: the holder may delete the lock before File.Exists looks.
                    return (file, lockFile);
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                    Dispose();
                    throw new KubeConfigException(KubeConfigErrorKind.Io, $"Cannot create the lock file {lockFile}: {ex.Message}", file, null, ex);
                }
            }

            return null;
        }

        /// <summary>The create-new failed because the file exists: EEXIST (17) on Unix, ERROR_FILE_EXISTS (80) on Windows.</summary>
        private static bool IsAlreadyExists(IOException ex)
        {
            const int UnixFileExists = 17;
            const int WindowsFileExists = unchecked((int)0x80070050);
            return ex.HResult == UnixFileExists || ex.HResult == WindowsFileExists;
        }
    }
}
