// Every reply built in a test is also parsed with the `Reply` schema and must
// match what reply() built directly (production skips the schema for speed).
import { checkRepliesAgainstSchema } from "../../src/core/reply.ts";

checkRepliesAgainstSchema(true);
