using System;
using System.IO;
using System.Reflection;

namespace KubeLab.FileSystem
{
    /// <summary>
    /// Reads and sets Unix permission bits. Core targets netstandard2.0, which has no API for them, but it
    /// always runs on .NET 7+ where it matters (PowerShell 7 on Linux/macOS), so File.Get/SetUnixFileMode
    /// is found by reflection; on Windows there are no modes and both calls do nothing.
    /// </summary>
    public static class UnixFileModes
    {
        private static readonly MethodInfo? GetMode = typeof(File).GetMethod("GetUnixFileMode", new[] { typeof(string) });
        private static readonly Type? ModeType = GetMode?.ReturnType;
        private static readonly MethodInfo? SetMode = ModeType == null ? null : typeof(File).GetMethod("SetUnixFileMode", new[] { typeof(string), ModeType });

        public static bool Supported => GetMode != null && Environment.OSVersion.Platform == PlatformID.Unix;

        /// <summary>The permission bits (e.g. 0x1ED for 0755), or null where there are none.</summary>
        public static int? Get(string path)
        {
            if (!Supported)
            {
                return null;
            }

            try
            {
                return Convert.ToInt32(GetMode!.Invoke(null, new object[] { path }));
            }
            catch (TargetInvocationException ex) when (ex.InnerException != null)
            {
                throw ex.InnerException;
            }
        }

        public static void Set(string path, int mode)
        {
            if (!Supported || SetMode == null)
            {
                return;
            }

            try
            {
                SetMode.Invoke(null, new[] { path, Enum.ToObject(ModeType!, mode) });
            }
            catch (TargetInvocationException ex) when (ex.InnerException != null)
            {
                throw ex.InnerException;
            }
        }
    }
}
