import { originOf, ruleProblem, type FieldError, type ModuleApp, type ModuleContext } from '@pegase/platform';
import { assessmentPermissions, PutRule, RuleQuery, RuleView } from '../../contract/index.ts';
import { pathInScope } from '../shared/access.ts';
import { effectiveRule, normalised, storedRules } from './effective-rules.ts';
import { assertRulesOpen, frozenFor } from './rule-freeze.ts';
import { writeRules } from './rule-store.ts';

/** The rules (MCC) of a path: read (stored or defaults, and whether they are frozen) and set. */
export async function ruleRoutes(app: ModuleApp, context: ModuleContext): Promise<void> {
  app.get(
    '/rules',
    {
      config: { access: { permission: assessmentPermissions.rulesRead } },
      schema: {
        summary:
          'The effective rules (MCC) of a path in a period: those stored, or the defaults of its object’s type (source tells which); frozen tells whether its formation’s MCC are frozen.',
        operationId: 'getRule',
        querystring: RuleQuery,
        response: { 200: RuleView },
      },
    },
    async (request) =>
      context.transaction(async (tx) => {
        const { periodId, path } = request.query;
        const object = await pathInScope(tx, originOf(request).scope, periodId, path, 'read the rules of this path');
        const rule = effectiveRule(periodId, path, object, (await storedRules(tx, periodId, [path])).get(path));
        return { ...rule, frozen: await frozenFor(tx, periodId, path) };
      }),
  );

  app.put(
    '/rules',
    {
      config: { access: { permission: assessmentPermissions.rulesWrite } },
      schema: {
        summary:
          'Set the rules (MCC) of a path in a period: coefficient in its parent, pass mark, credits, compensation, eliminatory mark, ABJ and session-2 policies. A field left out takes its default. 409 rules-frozen once the formation’s MCC are frozen.',
        operationId: 'putRule',
        querystring: RuleQuery,
        body: PutRule,
        response: { 200: RuleView },
      },
    },
    async (request) => {
      const origin = originOf(request);
      return context.transaction(async (tx) => {
        const { periodId, path } = request.query;
        const object = await pathInScope(tx, origin.scope, periodId, path, 'set the rules of this path');
        await assertRulesOpen(tx, periodId, path);
        const defaults = effectiveRule(periodId, path, object, undefined);
        const before = effectiveRule(periodId, path, object, (await storedRules(tx, periodId, [path])).get(path));
        const body = request.body;
        const errors: FieldError[] = [];
        const decimal = (field: keyof typeof body, value: string | undefined, fallback: string, positive = false) => {
          if (value === undefined) return fallback;
          const text = normalised(value);
          if (text === undefined || (positive && text === '0.000')) {
            errors.push({
              in: 'body',
              field: `/${field}`,
              message: positive ? 'must be a decimal above 0 with at most 3 decimals' : 'must be a decimal with at most 3 decimals',
            });
            return fallback;
          }
          return text;
        };
        const values = {
          coefficient: decimal('coefficient', body.coefficient, defaults.coefficient, true),
          passMark: decimal('passMark', body.passMark, defaults.passMark),
          credits: decimal('credits', body.credits, defaults.credits),
          compensates: body.compensates ?? defaults.compensates,
          eliminatory: body.eliminatory === undefined || body.eliminatory === null ? null : decimal('eliminatory', body.eliminatory, '0'),
          abjPolicy: body.abjPolicy ?? defaults.abjPolicy,
          session2: body.session2 ?? defaults.session2,
        };
        if (errors.length > 0)
          throw ruleProblem(
            'invalid-rule',
            `The rule of ${path} is not valid: ${errors.map((error) => `${error.field} ${error.message}`).join('; ')}.`,
            errors,
          );
        const [rule] = await writeRules(context, tx, periodId, [{ path, object, values, before }], origin);
        return { ...rule!, frozen: null };
      });
    },
  );
}
