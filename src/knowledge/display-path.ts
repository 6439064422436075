// File names in knowledge errors: relative to where the command runs, as people typed them.
import { relative } from "node:path";

export function displayPath(full: string): string {
  return relative(process.cwd(), full) || full;
}
