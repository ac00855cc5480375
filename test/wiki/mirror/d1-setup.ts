// Setup of the wiki-d1 project: each test file's D1 records (a workerd each) stop with the file.
import { afterAll } from "vitest";
import { disposeD1Records } from "../../../tools/wiki/mirror-record.ts";

afterAll(disposeD1Records);
