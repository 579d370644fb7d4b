using System;

namespace KubeLab.Core.Processes
{
    /// <summary>The program could not be started at all (missing, not executable).</summary>
    public sealed class CommandNotFoundException : Exception
    {
        public CommandNotFoundException(CommandSpec command, Exception inner)
            : base($"Could not start '{command.FileName}': {inner.Message}", inner)
        {
            Command = command;
        }

        public CommandSpec Command { get; }
    }
}
