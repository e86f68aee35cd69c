// /clients/:id/trajectories/new: start a behandeltraject with the information duty (R-TRJ-1):
// the treatment type (grouped by regime and category), goal, expected result, planned sessions,
// risks and side effects, alternatives, costs and aftercare, and the confirmation that the
// current intake was reviewed with the client. The server names a refused field; it gets the
// message and the focus.
import { useMemo } from 'react';
import type { TrajectoryCreate, TreatmentType } from '../api/client';
import { createTrajectory, getClient, getIntake, listTreatmentTypes } from '../api/endpoints';
import { useI18n } from '../i18n';
import { useMe } from '../login/session';
import { CheckboxField, FormError, Notice, SelectField, SubmitButton, TextAreaField, TextField } from '../ui/controls';
import { setFlash } from '../ui/flash';
import { dateInAmsterdam, formatDate, fullName } from '../ui/format';
import { Link, navigate } from '../ui/router';
import { ScreenTitle } from '../ui/screen';
import { LoadStatus } from '../ui/LoadStatus';
import { useForm } from '../ui/useForm';
import { useLoad } from '../ui/useLoad';
import { regimeGroup } from './labels';

const FIELDS = [
  'treatment_type',
  'goal',
  'expected_result',
  'planned_sessions',
  'risks',
  'alternatives',
  'costs',
  'aftercare',
  'intake_reviewed',
] as const;
type Field = (typeof FIELDS)[number];
type TextFieldName = Exclude<Field, 'intake_reviewed'>;
type Values = Record<TextFieldName, string> & { intake_reviewed: boolean };

/** The planned number of sessions, or null when it is not a whole number from 1 to 100. */
function plannedSessions(v: Values): number | null {
  const n = Number(v.planned_sessions);
  return Number.isInteger(n) && n >= 1 && n <= 100 ? n : null;
}

const GROUP_ORDER = ['basic', 'wkkgz', 'pmu', 'cosmetic1', 'cosmetic2', 'cosmetic3'] as const;

export function TrajectoryNewScreen({ clientId }: { clientId: string }) {
  const { t, lang } = useI18n();
  const me = useMe();
  const { load, reload } = useLoad(
    (signal) => Promise.all([getClient(clientId, signal), getIntake(clientId, signal), listTreatmentTypes(signal)]),
    [clientId, lang],
  );
  const form = useForm<Values, Field>({
    initial: {
      treatment_type: '',
      goal: '',
      expected_result: '',
      planned_sessions: '1',
      risks: '',
      alternatives: '',
      costs: '',
      aftercare: '',
      intake_reviewed: false,
    },
    fields: FIELDS,
    validate: (v) => ({
      treatment_type: v.treatment_type ? undefined : t('field.treatment_type.required'),
      goal: v.goal.trim() ? undefined : t('field.goal.required'),
      expected_result: v.expected_result.trim() ? undefined : t('field.expected_result.required'),
      planned_sessions: plannedSessions(v) === null ? t('field.planned_sessions.invalid_value') : undefined,
      risks: v.risks.trim() ? undefined : t('field.risks.required'),
      intake_reviewed: v.intake_reviewed ? undefined : t('field.intake_reviewed.required'),
    }),
  });
  const { values } = form;
  const cardPath = `/clients/${clientId}`;

  const groups = useMemo(() => {
    if (load.state !== 'done') return [];
    const types = load.data[2].items.filter((x) => !x.retired);
    return GROUP_ORDER.map((g) => ({
      group: g,
      types: types.filter((x) => regimeGroup(x.regime, x.category) === g).sort((a, b) => a.name.localeCompare(b.name, lang)),
    })).filter((g) => g.types.length);
  }, [load, lang]);

  const back = (
    <p className="back">
      <Link to={cardPath}>
        {load.state === 'done' ? t('dossier.backTo', { name: fullName(load.data[0]) }) : t('dossier.backToClient')}
      </Link>
    </p>
  );

  if (load.state !== 'done') {
    return (
      <main className="screen screen--narrow" id="main">
        {back}
        <ScreenTitle title={t('trajectoryNew.title')} />
        <LoadStatus err={load.state === 'error' ? load.err : null} retry={reload} />
      </main>
    );
  }

  const [client, intake, catalogue] = load.data;
  const chosen: TreatmentType | undefined = catalogue.items.find((x) => x.id === values.treatment_type);
  const refusedRecords = client.records_consent === 'refused' && chosen !== undefined && chosen.regime !== 'basic';
  const current = intake.current;

  async function send(v: Values) {
    const body: TrajectoryCreate = {
      treatment_type: v.treatment_type,
      goal: v.goal.trim(),
      expected_result: v.expected_result.trim(),
      planned_sessions: plannedSessions(v) ?? 1,
      risks: v.risks.trim(),
      alternatives: v.alternatives.trim(),
      costs: v.costs.trim(),
      aftercare: v.aftercare.trim(),
      intake_reviewed: true,
    };
    const created = await createTrajectory(clientId, body);
    const path = `/clients/${clientId}/trajectories/${created.id}`;
    setFlash('trajectory.created', path);
    navigate(path);
  }

  const reflection = me.practice.reflection_days;
  const cosmeticRule = (days: number) =>
    days === 0 ? t('regimeRule.cosmeticNoWait') : days === 1 ? t('regimeRule.cosmeticOneDay') : t('regimeRule.cosmetic', { days });
  const text = (name: Exclude<TextFieldName, 'treatment_type' | 'planned_sessions'>, required: boolean, rows = 3) => (
    <TextAreaField
      id={name}
      label={t(`trajectory.${name}`)}
      hint={t(`trajectoryNew.${name}Hint`)}
      required={required}
      rows={rows}
      {...form.bind(name)}
    />
  );

  return (
    <main className="screen screen--narrow" id="main">
      {back}
      <ScreenTitle title={t('trajectoryNew.title')} />
      <p className="screen__sub">{t('trajectoryNew.intro', { client: fullName(client) })}</p>

      <form className="form" onSubmit={form.onSubmit(send)} noValidate>
        <FormError focusRef={form.formErrorRef} title={t('trajectoryNew.failed')} text={form.formError} />

        <section className="form__group" aria-labelledby="group-treatment">
          <h2 className="form__legend" id="group-treatment">
            {t('trajectoryNew.treatmentGroup')}
          </h2>
          <SelectField
            id="treatment_type"
            label={t('trajectory.treatmentType')}
            required
            {...form.bind('treatment_type')}
            className="input select"
          >
            <option value="">{t('trajectoryNew.chooseType')}</option>
            {groups.map((g) => (
              <optgroup key={g.group} label={t(`regimeGroup.${g.group}`)}>
                {g.types.map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </SelectField>
          {chosen ? (
            <Notice kind={refusedRecords ? 'warning' : 'info'} title={t(`regimeGroup.${regimeGroup(chosen.regime, chosen.category)}`)}>
              <p>
                {chosen.regime === 'cosmetic' ? cosmeticRule(reflection[(chosen.category ?? 1) - 1] ?? 0) : t(`regimeRule.${chosen.regime}`)}
              </p>
              {refusedRecords ? <p className="strong">{t('trajectoryNew.recordsRefused')}</p> : null}
            </Notice>
          ) : null}
          {text('goal', true)}
          {text('expected_result', true)}
          <TextField
            id="planned_sessions"
            label={t('trajectory.planned_sessions')}
            required
            width="short"
            type="number"
            inputMode="numeric"
            min={1}
            max={100}
            {...form.bind('planned_sessions')}
          />
        </section>

        <section className="form__group" aria-labelledby="group-information">
          <h2 className="form__legend" id="group-information">
            {t('trajectoryNew.informationGroup')}
          </h2>
          <p className="muted">{t('trajectoryNew.informationIntro')}</p>
          {text('risks', true)}
          {text('alternatives', false, 2)}
          {text('costs', false, 2)}
          {text('aftercare', false)}
        </section>

        <section className="form__group" aria-labelledby="group-intake">
          <h2 className="form__legend" id="group-intake">
            {t('trajectoryNew.intakeGroup')}
          </h2>
          {current ? (
            <CheckboxField
              id="intake_reviewed"
              required
              {...form.bind('intake_reviewed')}
              label={t('trajectoryNew.intakeReviewed', {
                n: current.version,
                date: formatDate(dateInAmsterdam(current.created_at)),
              })}
            />
          ) : (
            <Notice kind="warning" title={t('intake.noneTitle')}>
              <p>{t('trajectoryNew.intakeMissing')}</p>
              <Link to={cardPath} className="button button--secondary">
                {t('trajectoryNew.toIntake')}
              </Link>
            </Notice>
          )}
        </section>

        <div className="actions">
          <SubmitButton busy={form.busy} disabled={!current}>
            {t('trajectoryNew.submit')}
          </SubmitButton>
          <Link to={cardPath} className="button button--secondary">
            {t('action.cancel')}
          </Link>
        </div>
      </form>
    </main>
  );
}
