using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;

namespace KubeLab.Processes
{
    /// <summary>
    /// The user and group databases (getpwnam/getgrnam, so NSS sources such as LDAP count), and the ids this
    /// process runs with. Group membership as the system sees it (the group database through getgrnam/getpwnam, so NSS sources
    /// count) versus as this process holds it (getgroups). They differ right after `usermod -aG`: the database
    /// says yes, but a process started before that still runs without the group until the user logs in again
    /// (or runs `newgrp`), which is why "I was added but docker still says permission denied".
    /// </summary>
    public static class UserDatabase
    {
        /// <summary>The group's id and its listed members (secondary members; a user's primary group lists nobody).</summary>
        public static UnixGroup? FindGroup(string name)
        {
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                return null;
            }

            var entry = NativeMethods.getgrnam(name);
            if (entry == IntPtr.Zero)
            {
                return null;
            }

            var group = Marshal.PtrToStructure<NativeMethods.Group>(entry);
            var members = new List<string>();
            for (var offset = 0; ; offset += IntPtr.Size)
            {
                var member = Marshal.ReadIntPtr(group.Members, offset);
                if (member == IntPtr.Zero)
                {
                    break;
                }

                members.Add(Marshal.PtrToStringAnsi(member) ?? string.Empty);
            }

            return new UnixGroup(name, group.Gid, members);
        }

        /// <summary>Whether the group database makes the user a member: listed in the group, or the group is the user's primary group.</summary>
        public static bool IsGroupMember(string user, string groupName)
        {
            var group = FindGroup(groupName);
            if (group == null)
            {
                return false;
            }

            return group.Members.Contains(user, StringComparer.Ordinal) || PrimaryGroupId(user) == group.Id;
        }

        /// <summary>The user's primary group id from the passwd database; null for an unknown user.</summary>
        public static uint? PrimaryGroupId(string user)
        {
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                return null;
            }

            var entry = NativeMethods.getpwnam(user);
            return entry == IntPtr.Zero ? (uint?)null : Marshal.PtrToStructure<NativeMethods.Passwd>(entry).Gid;
        }

        /// <summary>A user's home directory from the passwd database; null for an unknown user.</summary>
        public static string? HomeOf(string user)
        {
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                return null;
            }

            var entry = NativeMethods.getpwnam(user);
            return entry == IntPtr.Zero ? null : Marshal.PtrToStringAnsi(Marshal.PtrToStructure<NativeMethods.Passwd>(entry).Dir);
        }

        /// <summary>This process's effective user id (uint.MaxValue on Windows, which has none).</summary>
        public static uint EffectiveUserId() => RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? uint.MaxValue : NativeMethods.geteuid();

        /// <summary>The group ids this process holds right now (effective and supplementary).</summary>
        public static IReadOnlyCollection<uint> ProcessGroupIds()
        {
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                return Array.Empty<uint>();
            }

            var count = NativeMethods.getgroups(0, null);
            var ids = new uint[Math.Max(count, 0)];
            if (count > 0)
            {
                count = NativeMethods.getgroups(ids.Length, ids);
            }

            return new HashSet<uint>(ids.Take(Math.Max(count, 0))) { NativeMethods.getegid() };
        }

        /// <summary>Whether this process already holds the group (so, for docker, may open the socket).</summary>
        public static bool ProcessHoldsGroup(string groupName)
        {
            var group = FindGroup(groupName);
            return group != null && ProcessGroupIds().Contains(group.Id);
        }

        private static class NativeMethods
        {
            [DllImport("libc", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
            internal static extern IntPtr getgrnam(string name);

            [DllImport("libc", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
            internal static extern IntPtr getpwnam(string name);

            [DllImport("libc", SetLastError = true)]
            internal static extern int getgroups(int size, uint[]? list);

            [DllImport("libc")]
            internal static extern uint getegid();

            [DllImport("libc")]
            internal static extern uint geteuid();

            /// <summary>glibc's struct group.</summary>
            [StructLayout(LayoutKind.Sequential)]
            internal struct Group
            {
                public IntPtr Name;
                public IntPtr Password;
                public uint Gid;
                public IntPtr Members;
            }

            /// <summary>glibc's struct passwd (Linux).</summary>
            [StructLayout(LayoutKind.Sequential)]
            internal struct Passwd
            {
                public IntPtr Name;
                public IntPtr Password;
                public uint Uid;
                public uint Gid;
                public IntPtr Gecos;
                public IntPtr Dir;
                public IntPtr Shell;
            }
        }
    }

    /// <summary>A group from the group database.</summary>
    public sealed class UnixGroup
    {
        public UnixGroup(string name, uint id, IReadOnlyList<string> members)
        {
            Name = name;
            Id = id;
            Members = members;
        }

        public string Name { get; }

        public uint Id { get; }

        public IReadOnlyList<string> Members { get; }
    }
}
