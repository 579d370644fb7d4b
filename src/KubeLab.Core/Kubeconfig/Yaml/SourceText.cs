using System;
using System.Collections.Concurrent;
using System.IO;

namespace KubeLab.Kubeconfig.Yaml
{
    /// <summary>
    /// Decoded characters of a file in a reused buffer. A kubeconfig with hundreds of certificates is megabytes of
    /// text: as a string (and the bytes and characters it was made from) it would be three large-object-heap
    /// allocations per file per read, and those force full garbage collections that cost more than the parse.
    /// </summary>
    internal sealed class SourceText : IDisposable
    {
        private const int MaxPooledLength = 16 * 1024 * 1024;
        private static readonly ConcurrentBag<char[]> Pool = new ConcurrentBag<char[]>();
        private char[]? _chars;

        private SourceText(char[] chars, int length)
        {
            _chars = chars;
            Length = length;
        }

        public int Length { get; private set; }

        public char this[int index] => Chars[index];

        /// <summary>The pooled buffer itself, for readers that scan it directly; only the first <see cref="Length"/> characters count.</summary>
        public char[] Buffer => Chars;

        private char[] Chars => _chars ?? throw new ObjectDisposedException(nameof(SourceText));

        /// <summary>A buffer of at least <paramref name="capacity"/> characters, reused when one is free.</summary>
        public static char[] Rent(int capacity)
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

            return new char[Math.Max(capacity, 1024)];
        }

        /// <summary>Takes ownership of <paramref name="chars"/> (from <see cref="Rent"/>), of which the first <paramref name="length"/> count.</summary>
        public static SourceText Own(char[] chars, int length) => new SourceText(chars, length);

        public static SourceText From(string text)
        {
            var chars = Rent(text.Length);
            text.CopyTo(0, chars, 0, text.Length);
            return new SourceText(chars, text.Length);
        }

        public int IndexOf(char value, int start, int count) => Array.IndexOf(Chars, value, start, Math.Max(0, Math.Min(count, Length - start)));

        public string Substring(int start, int length) => new string(Chars, start, length);

        public override string ToString() => new string(Chars, 0, Length);

        public TextReader OpenReader() => new Reader(this);

        public void Dispose()
        {
            var chars = _chars;
            _chars = null;
            if (chars != null && chars.Length <= MaxPooledLength && Pool.Count < 8)
            {
                Pool.Add(chars);
            }
        }

        private sealed class Reader : TextReader
        {
            private readonly SourceText _text;
            private int _position;

            public Reader(SourceText text) => _text = text;

            [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
            public override int Peek() => _position < _text.Length ? _text.Chars[_position] : -1;

            [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
            public override int Read() => _position < _text.Length ? _text.Chars[_position++] : -1;

            [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
            public override int Read(char[] buffer, int index, int count)
            {
                var n = Math.Min(count, _text.Length - _position);
                if (n <= 0)
                {
                    return 0;
                }

                Array.Copy(_text.Chars, _position, buffer, index, n);
                _position += n;
                return n;
            }
        }
    }
}
