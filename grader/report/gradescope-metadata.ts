/**
 * Gradescope's `submission_metadata.json` (Gradescope autograder docs,
 * "Submission Metadata"): who submitted, when, for an assignment worth how
 * many points. Only the fields the Gradescope report uses are typed; Gradescope
 * may add others, which are kept out of the way, not refused.
 */
import { readFileSync } from 'node:fs';
import { Ajv, type JSONSchemaType } from 'ajv';

export interface SubmissionMetadata {
  id: number;
  created_at: string;
  assignment: { title?: string; total_points?: string | number | null };
  users: { name: string; email?: string; id?: number }[];
}

export const submissionMetadataSchema: JSONSchemaType<SubmissionMetadata> = {
  $id: 'https://tfgrade.dev/schemas/submission-metadata.schema.json',
  title: "Gradescope's submission_metadata.json, the fields tfgrade reads",
  type: 'object',
  properties: {
    id: { type: 'number' },
    created_at: { type: 'string' },
    assignment: {
      type: 'object',
      properties: {
        title: { type: 'string', nullable: true },
        total_points: { type: ['string', 'number'], nullable: true },
      },
      required: [],
    },
    users: {
      type: 'array',
      items: {
        type: 'object',
        properties: { name: { type: 'string' }, email: { type: 'string', nullable: true }, id: { type: 'number', nullable: true } },
        required: ['name'],
      },
    },
  },
  required: ['id', 'created_at', 'assignment', 'users'],
};

const validate = new Ajv({ allowUnionTypes: true }).compile(submissionMetadataSchema);

/** The metadata, or why it could not be used: a broken file must never stop the grading it only decorates. */
export type MetadataReading = { metadata: SubmissionMetadata } | { problem: string };

export function readSubmissionMetadata(file: string): MetadataReading {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    return { problem: `${file} could not be read as JSON: ${(e as Error).message}` };
  }
  if (!validate(data)) return { problem: `${file} is not in Gradescope's format: ${validate.errors?.map((x) => `${x.instancePath || '/'} ${x.message}`).join('; ')}` };
  return { metadata: data };
}

/**
 * The line that tells a student which submission this report is for (Gradescope
 * shows every earlier one too), and what only staff need to know: points that
 * do not add up.
 */
export function metadataLines(m: SubmissionMetadata, maxScore: number): { student: string; staff: string[] } {
  const student = `Submission ${m.id} by ${m.users.map((u) => u.name).join(', ')}, made ${m.created_at}.`;
  const total = Number(m.assignment.total_points);
  const staff =
    m.assignment.total_points != null && Number.isFinite(total) && total < maxScore
      ? [`Gradescope's assignment is worth ${total} points in all, but the autograder gives up to ${maxScore}: raise the assignment's points or scale the parts.`]
      : [];
  return { student, staff };
}
