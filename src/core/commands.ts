// The commands, the same on every platform (Slack puts them under /mentor).
// Adapters register them from this list; the core parses their arguments.
export interface CommandSpec {
  name: string;
  usage: string;
  description: string;
}

export const COMMANDS: readonly CommandSpec[] = [
  { name: "compare", usage: "/compare [role] [role] [role] [aspect]", description: "Two or three roles side by side (default: ML engineer vs AI engineer)" },
  { name: "role", usage: "/role <role> [aspect]", description: "One role, or one aspect of it (focus, responsibilities, skills, tools, applications, salary, demand)" },
  { name: "ask", usage: "/ask <question>", description: "Ask anything about these careers in your own words" },
  { name: "path", usage: "/path <role>  or  /path <from-role> <to-role>", description: "A learning path, or how to move from one role to another" },
  { name: "resources", usage: "/resources [role]", description: "Curated courses, books and repositories" },
  { name: "glossary", usage: "/glossary <term>", description: "A term explained (RAG, MLOps, fine-tuning …)" },
  { name: "decode", usage: "/decode <job posting or title>", description: "Paste a job posting (or a title): which role the work really is, and what to put forward" },
  { name: "quiz", usage: "/quiz", description: "A short self-assessment: which role fits you, and why" },
  { name: "forget", usage: "/forget", description: "Delete everything the mentor stored about you (quiz, result, context, background, region)" },
  { name: "help", usage: "/help", description: "What the mentor can do" },
];

export const commandSpec = (name: string) => COMMANDS.find((c) => c.name === name);

/** The usage text with the platform's prefix ("/mentor compare" on Slack). */
export function usageFor(spec: CommandSpec, prefix = "/"): string {
  return spec.usage.replace(/\/(\w[\w-]*)/g, `${prefix}$1`);
}
