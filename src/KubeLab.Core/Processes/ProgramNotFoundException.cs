using System;

namespace KubeLab.Processes
{
    /// <summary>The program could not be started at all (missing, not executable).</summary>
    public sealed class ProgramNotFoundException : Exception
    {
        public ProgramNotFoundException(CommandSpec command, Exception inner)
            : base($"Could not start '{command.FileName}': {inner.Message}", inner)
        {
            Command = command;
        }

        public CommandSpec Command { get; }
    }
}
