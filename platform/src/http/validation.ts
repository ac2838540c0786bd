import { Ajv, type ErrorObject, type Options } from 'ajv';
import addFormatsImport from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import type { FieldError } from '../errors/problem.ts';

// ajv-formats is CommonJS; its default export arrives wrapped under ESM.
const addFormats = addFormatsImport as unknown as (ajv: Ajv) => Ajv;

const shared: Options = {
  allErrors: true,
  strict: false,
  useDefaults: true,
  // An unknown field is an error that names the field, never silently dropped.
  removeAdditional: false,
};

/**
 * Bodies are validated strictly: a string where a number is expected is an
 * error. Query strings, path and headers arrive as text and are coerced.
 */
const bodyAjv = addFormats(new Ajv({ ...shared, coerceTypes: false }));
const textAjv = addFormats(new Ajv({ ...shared, coerceTypes: 'array' }));

export const validatorCompiler: FastifySchemaCompiler<object> = ({ schema, httpPart }) => {
  const ajv = httpPart === 'body' ? bodyAjv : textAjv;
  return ajv.compile(schema) as ReturnType<FastifySchemaCompiler<object>>;
};

/** Turns ajv errors into one entry per field with a sentence a person can act on. */
export function fieldErrors(errors: ErrorObject[], part: string): FieldError[] {
  const seen = new Set<string>();
  const result: FieldError[] = [];
  for (const error of errors) {
    const entry = describe(error, part);
    const key = `${entry.field}|${entry.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(entry);
  }
  return result;
}

function describe(error: ErrorObject, part: string): FieldError {
  const params = error.params as Record<string, unknown>;
  const base = error.instancePath;
  switch (error.keyword) {
    case 'required':
      return { in: part, field: `${base}/${String(params['missingProperty'])}`, message: 'is required' };
    case 'additionalProperties':
      return { in: part, field: `${base}/${String(params['additionalProperty'])}`, message: 'is not a known field' };
    case 'type':
      return { in: part, field: base || '/', message: `must be ${article(String(params['type']))}` };
    case 'format':
      return { in: part, field: base, message: `must be a valid ${formatName(String(params['format']))}` };
    case 'pattern':
      return { in: part, field: base, message: `must match the pattern ${String(params['pattern'])}` };
    case 'enum':
      return { in: part, field: base, message: `must be one of: ${(params['allowedValues'] as unknown[]).join(', ')}` };
    case 'const':
      return { in: part, field: base, message: `must be ${JSON.stringify(params['allowedValue'])}` };
    case 'minLength':
      return { in: part, field: base, message: params['limit'] === 1 ? 'must not be empty' : `must have at least ${String(params['limit'])} characters` };
    case 'maxLength':
      return { in: part, field: base, message: `must have at most ${String(params['limit'])} characters` };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { in: part, field: base, message: `must be ${String(params['comparison'])} ${String(params['limit'])}` };
    case 'minItems':
      return { in: part, field: base, message: `must have at least ${String(params['limit'])} items` };
    case 'maxItems':
      return { in: part, field: base, message: `must have at most ${String(params['limit'])} items` };
    default:
      return { in: part, field: base || '/', message: error.message ?? 'is invalid' };
  }
}

function article(type: string): string {
  const names: Record<string, string> = {
    string: 'a string',
    number: 'a number',
    integer: 'an integer',
    boolean: 'true or false',
    object: 'an object',
    array: 'an array',
    null: 'null',
  };
  return type
    .split(',')
    .map((t) => names[t] ?? t)
    .join(' or ');
}

function formatName(format: string): string {
  const names: Record<string, string> = {
    date: 'date (YYYY-MM-DD)',
    'date-time': 'date and time (ISO 8601)',
    uuid: 'UUID',
    email: 'e-mail address',
    uri: 'URI',
  };
  return names[format] ?? format;
}
