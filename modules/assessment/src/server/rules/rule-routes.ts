import { and, eq, sql } from 'drizzle-orm';
import { originOf, ruleProblem, type FieldError, type ModuleApp, type ModuleContext } from '@pegase/platform';
import { assessmentEvents, assessmentPermissions, PutRule, Rule, RuleQuery } from '../../contract/index.ts';
import { pathInScope } from '../shared/access.ts';
import { rules } from '../shared/tables.ts';
import { effectiveRule, normalised, storedRules } from './effective-rules.ts';

/** The rules (MCC) of a path: read (stored or defaults) and set. */
export async function ruleRoutes(app: ModuleApp, context: ModuleContext): Promise<void> {
  app.get(
    '/rules',
    {
      config: { access: { permission: assessmentPermissions.rulesRead } },
      schema: {
        summary: 'The effective rules (MCC) of a path in a period: those stored, or the defaults of its object’s type (source tells which).',
        operationId: 'getRule',
        querystring: RuleQuery,
        response: { 200: Rule },
      },
    },
    async (request) =>
      context.transaction(async (tx) => {
        const { periodId, path } = request.query;
        const object = await pathInScope(tx, originOf(request).scope, periodId, path, 'read the rules of this path');
        return effectiveRule(periodId, path, object, (await storedRules(tx, periodId, [path])).get(path));
      }),
  );

  app.put(
    '/rules',
    {
      config: { access: { permission: assessmentPermissions.rulesWrite } },
      schema: {
        summary:
          'Set the rules (MCC) of a path in a period: coefficient in its parent, pass mark, credits, compensation, eliminatory mark, ABJ and session-2 policies. A field left out takes its default.',
        operationId: 'putRule',
        querystring: RuleQuery,
        body: PutRule,
        response: { 200: Rule },
      },
    },
    async (request) => {
      const origin = originOf(request);
      return context.transaction(async (tx) => {
        const { periodId, path } = request.query;
        const object = await pathInScope(tx, origin.scope, periodId, path, 'set the rules of this path');
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
          updatedBy: origin.actor.login ?? origin.actor.subject,
          updatedAt: new Date(),
        };
        if (errors.length > 0)
          throw ruleProblem(
            'invalid-rule',
            `The rule of ${path} is not valid: ${errors.map((error) => `${error.field} ${error.message}`).join('; ')}.`,
            errors,
          );
        await tx
          .insert(rules)
          .values({ periodId, path, ...values })
          .onConflictDoUpdate({ target: [rules.periodId, rules.path], set: { ...values, version: sql`${rules.version} + 1` } });
        const [stored] = await tx
          .select()
          .from(rules)
          .where(and(eq(rules.periodId, periodId), eq(rules.path, path)));
        const rule = effectiveRule(periodId, path, object, stored);
        await context.publish(tx, assessmentEvents.ruleChanged, rule, { subject: `${periodId}:${path}`, origin, before });
        return rule;
      });
    },
  );
}
