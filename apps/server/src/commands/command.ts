export interface Command {
  name: string;
  summary: string;
  usage: string;
  options: Record<string, { type: 'string' | 'boolean' }>;
  /** Whether words follow the command (`pegase events dead-letters list`). */
  positionals?: boolean;
  /** Returns an exit code when the command is finished, undefined when it keeps running. */
  run(values: Record<string, string | boolean | undefined>, positionals: string[]): Promise<number | undefined>;
}
