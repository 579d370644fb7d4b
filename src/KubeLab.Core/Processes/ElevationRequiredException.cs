using System;

namespace KubeLab.Processes
{
    /// <summary>A step needs root (or must not have it) and KubeLab cannot arrange that; the message says what to run.</summary>
    public sealed class ElevationRequiredException : Exception
    {
        public ElevationRequiredException(string message)
            : base(message)
        {
        }
    }
}
