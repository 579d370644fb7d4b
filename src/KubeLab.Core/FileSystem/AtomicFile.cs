using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace KubeLab.FileSystem
{
    /// <summary>
    /// Replaces a file so that readers see either the old content or the new, never a mix: the content goes
    /// to a temp file in the same folder (same file system, so rename is atomic), is flushed to disk, gets its
    /// mode, and is renamed over the target. On any failure the target is untouched and the temp file removed.
    /// </summary>
    public static class AtomicFile
    {
        /// <param name="path">The file to create or replace.</param>
        /// <param name="newFileMode">Mode when the file is new (e.g. 0600); an existing file keeps its own unless <paramref name="forceMode"/>.</param>
        /// <param name="forceMode">Apply <paramref name="newFileMode"/> even when replacing (binaries are always 0755).</param>
        /// <param name="write">Writes the content; may be long-running and is given the cancellation token.</param>
        public static async Task WriteAsync(string path, int newFileMode, bool forceMode, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
        {
            var temp = TempPathBeside(path);
            try
            {
                using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
                {
                    await write(stream, cancellationToken).ConfigureAwait(false);
                    await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                    stream.Flush(flushToDisk: true);
                }

                Commit(temp, path, newFileMode, forceMode);
            }
            catch
            {
                TryDelete(temp);
                throw;
            }
        }

        /// <summary>
        /// Synchronous form for small content such as a kubeconfig. Plain blocking I/O on the caller's thread: on
        /// Unix, async file I/O runs on the thread pool, which a synchronous caller would then have to wait for.
        /// </summary>
        public static void WriteAllBytes(string path, byte[] content, int newFileMode)
        {
            var temp = TempPathBeside(path);
            try
            {
                using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: false))
                {
                    stream.Write(content, 0, content.Length);
                    stream.Flush(flushToDisk: true);
                }

                Commit(temp, path, newFileMode, forceMode: false);
            }
            catch
            {
                TryDelete(temp);
                throw;
            }
        }

        /// <summary>
        /// A unique hidden name in the same folder as <paramref name="path"/> (same file system, so a rename is
        /// atomic), recognisably KubeLab's should a crash ever leave one behind.
        /// </summary>
        public static string TempPathBeside(string path)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
            return Path.Combine(folder, "." + Path.GetFileName(path) + ".kubelab-" + Guid.NewGuid().ToString("N").Substring(0, 12) + ".tmp");
        }

        /// <summary>Gives the flushed temp file its mode and renames it over the target.</summary>
        private static void Commit(string temp, string path, int newFileMode, bool forceMode)
        {
            var existingMode = File.Exists(path) && !forceMode ? UnixFileModes.Get(path) : null;
            UnixFileModes.Set(temp, existingMode ?? newFileMode);
            Replace(temp, path);
        }

        private static void Replace(string temp, string path)
        {
            if (File.Exists(path))
            {
                // rename(2) on Unix: atomic, and it replaces the target in one step.
                File.Replace(temp, path, null);
            }
            else
            {
                File.Move(temp, path);
            }
        }

        private static void TryDelete(string path)
        {
            try
            {
                File.Delete(path);
            }
            catch (IOException)
            {
                // Best effort: the original failure is what the caller needs to see.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
