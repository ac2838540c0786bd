import { Type } from 'typebox';

/** The RFC 9457 body of every error, as published in the OpenAPI components. */
export const ProblemSchema = Type.Object(
  {
    type: Type.String({ description: 'Stable URN of the kind of problem, e.g. urn:pegase:problem:validation.' }),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String({ description: 'What went wrong and what to do about it.' }),
    instance: Type.Optional(Type.String()),
    requestId: Type.Optional(Type.String({ description: 'Quote it to the operators: it finds the logs of the request.' })),
    errors: Type.Optional(
      Type.Array(
        Type.Object({
          in: Type.String({ description: 'body, querystring, params or headers' }),
          field: Type.String({ description: 'JSON pointer to the field' }),
          message: Type.String(),
        }),
      ),
    ),
  },
  { additionalProperties: true, description: 'RFC 9457 problem details' },
);
