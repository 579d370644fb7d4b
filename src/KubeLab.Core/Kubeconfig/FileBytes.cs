using System;
using System.Collections.Concurrent;
using System.IO;

namespace KubeLab.Kubeconfig
{
    /// <summary>
    /// A file's bytes in a reused buffer (see <see cref="Yaml.SourceText"/> for why): a cold read of five large
    /// kubeconfigs otherwise allocates megabytes on the large-object heap every time.
    /// </summary>
    internal sealed class FileBytes : IDisposable
    {
        private const int MaxPooledLength = 16 * 1024 * 1024;
        private static readonly ConcurrentBag<byte[]> Pool = new ConcurrentBag<byte[]>();

        private FileBytes(byte[] buffer, int length)
        {
            Buffer = buffer;
            Length = length;
        }

        public byte[] Buffer { get; private set; }

        public int Length { get; }

        /// <summary>Reads the whole file; <paramref name="checkSize"/> sees its length before anything is read.</summary>
        public static FileBytes Read(string path, Action<long> checkSize)
        {
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan))
            {
                var expected = stream.Length;
                checkSize(expected);
                var buffer = Rent((int)expected + 1);
                var length = 0;
                while (true)
                {
                    if (length == buffer.Length)
                    {
                        // The file grew while being read: keep reading, within the size bound.
                        checkSize(length + 1);
                        var larger = new byte[buffer.Length * 2];
                        Array.Copy(buffer, larger, length);
                        buffer = larger;
                    }

                    var read = stream.Read(buffer, length, buffer.Length - length);
                    if (read == 0)
                    {
                        return new FileBytes(buffer, length);
                    }

                    length += read;
                }
            }
        }

        public void Dispose()
        {
            var buffer = Buffer;
            Buffer = Array.Empty<byte>();
            if (buffer.Length > 0 && buffer.Length <= MaxPooledLength && Pool.Count < 8)
            {
                Pool.Add(buffer);
            }
        }

        private static byte[] Rent(int capacity)
        {
            var skipped = 0;
            while (skipped < 4 && Pool.TryTake(out var buffer))
            {
                if (buffer.Length >= capacity)
                {
                    return buffer;
                }

                skipped++;
            }

            return new byte[Math.Max(capacity, 4096)];
        }
    }
}
