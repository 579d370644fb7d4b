using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using KubeLab.Processes;

namespace KubeLab.Tests.Support
{
    /// <summary>
    /// A fake runner for tests: records every command and answers from a handler, so tests can assert
    /// both what would run and how its output is read.
    /// </summary>
    public sealed class RecordingCommandRunner : ICommandRunner
    {
        private readonly Func<CommandSpec, CommandResult> _handler;
        private readonly List<CommandSpec> _commands = new List<CommandSpec>();

        public RecordingCommandRunner(Func<CommandSpec, CommandResult> handler)
        {
            _handler = handler;
        }

        public IReadOnlyList<CommandSpec> Commands => _commands;

        public Task<CommandResult> RunAsync(CommandSpec command, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            lock (_commands)
            {
                _commands.Add(command);
            }

            return Task.FromResult(_handler(command));
        }
    }
}
