// /clients/:id/trajectories/new: start a behandeltraject with the information duty (R-TRJ-1):
// the treatment type (grouped by regime and category), goal, expected result, planned sessions,
// risks and side effects, alternatives, costs and aftercare, and the confirmation that the
// current intake was reviewed with the client. The server names a refused field; it gets the
// message and the focus.
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { ApiError, isSessionEnded, type TrajectoryCreate, type TreatmentType } from '../api/client';
import { createTrajectory, getClient, getIntake, listTreatmentTypes } from '../api/endpoints';
import { useI18n } from '../i18n';
import { useMe } from '../login/session';
import { CheckboxField, Notice, SelectField, TextAreaField, TextField, FormError } from '../ui/controls';
import { errorText, fieldErrorText } from '../ui/errors';
import { setFlash } from '../ui/flash';
import { dateInAmsterdam, formatDate, fullName } from '../ui/format';
import { Link, navigate } from '../ui/router';
import { ScreenTitle } from '../ui/screen';
import { LoadStatus } from '../ui/LoadStatus';
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

const GROUP_ORDER = ['basic', 'wkkgz', 'pmu', 'cosmetic1', 'cosmetic2', 'cosmetic3'] as const;

function isField(name: string | undefined): name is Field {
  return (FIELDS as readonly string[]).includes(name ?? '');
}

export function TrajectoryNewScreen({ clientId }: { clientId: string }) {
  const { t, lang } = useI18n();
  const me = useMe();
  const { load, reload } = useLoad(
    (signal) => Promise.all([getClient(clientId, signal), getIntake(clientId, signal), listTreatmentTypes(signal)]),
    [clientId, lang],
  );
  const [values, setValues] = useState<Record<TextFieldName, string>>({
    treatment_type: '',
    goal: '',
    expected_result: '',
    planned_sessions: '1',
    risks: '',
    alternatives: '',
    costs: '',
    aftercare: '',
  });
  const [reviewed, setReviewed] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const refs = useRef<Partial<Record<Field, HTMLElement | null>>>({});
  const formErrorRef = useRef<HTMLDivElement>(null);
  const cardPath = `/clients/${clientId}`;

  const groups = useMemo(() => {
    if (load.state !== 'done') return [];
    const types = load.data[2].items.filter((x) => !x.retired);
    return GROUP_ORDER.map((g) => ({
      group: g,
      types: types.filter((x) => regimeGroup(x.regime, x.category) === g).sort((a, b) => a.name.localeCompare(b.name, lang)),
    })).filter((g) => g.types.length);
  }, [load, lang]);

  function set(name: TextFieldName, value: string) {
    setValues((v) => ({ ...v, [name]: value }));
    setErrors((e) => (e[name] ? { ...e, [name]: undefined } : e));
  }

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

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const found: Partial<Record<Field, string>> = {};
    if (!values.treatment_type) found.treatment_type = t('field.treatment_type.required');
    if (!values.goal.trim()) found.goal = t('field.goal.required');
    if (!values.expected_result.trim()) found.expected_result = t('field.expected_result.required');
    const sessions = Number(values.planned_sessions);
    if (!Number.isInteger(sessions) || sessions < 1 || sessions > 100) found.planned_sessions = t('field.planned_sessions.invalid_value');
    if (!values.risks.trim()) found.risks = t('field.risks.required');
    if (!reviewed) found.intake_reviewed = t('field.intake_reviewed.required');
    setErrors(found);
    setFormError(null);
    const first = FIELDS.find((f) => found[f]);
    if (first) {
      refs.current[first]?.focus();
      return;
    }
    const body: TrajectoryCreate = {
      treatment_type: values.treatment_type,
      goal: values.goal.trim(),
      expected_result: values.expected_result.trim(),
      planned_sessions: sessions,
      risks: values.risks.trim(),
      alternatives: values.alternatives.trim(),
      costs: values.costs.trim(),
      aftercare: values.aftercare.trim(),
      intake_reviewed: true,
    };
    setBusy(true);
    try {
      const created = await createTrajectory(clientId, body);
      const path = `/clients/${clientId}/trajectories/${created.id}`;
      setFlash('trajectory.created', path);
      navigate(path);
    } catch (err) {
      if (isSessionEnded(err)) return;
      if (err instanceof ApiError && isField(err.field)) {
        const field = err.field;
        setErrors({ [field]: fieldErrorText(t, err) });
        refs.current[field]?.focus();
      } else {
        setFormError(errorText(t, err));
        formErrorRef.current?.focus();
      }
    } finally {
      setBusy(false);
    }
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
      value={values[name]}
      error={errors[name]}
      onChange={(e) => set(name, e.target.value)}
      ref={(el) => {
        refs.current[name] = el;
      }}
    />
  );

  return (
    <main className="screen screen--narrow" id="main">
      {back}
      <ScreenTitle title={t('trajectoryNew.title')} />
      <p className="screen__sub">{t('trajectoryNew.intro', { client: fullName(client) })}</p>

      <form className="form" onSubmit={submit} noValidate>
        <FormError focusRef={formErrorRef} title={t('trajectoryNew.failed')} text={formError} />

        <section className="form__group" aria-labelledby="group-treatment">
          <h2 className="form__legend" id="group-treatment">
            {t('trajectoryNew.treatmentGroup')}
          </h2>
          <SelectField
            id="treatment_type"
            label={t('trajectory.treatmentType')}
            required
            value={values.treatment_type}
            error={errors.treatment_type}
            onChange={(e) => set('treatment_type', e.target.value)}
            ref={(el) => {
              refs.current.treatment_type = el;
            }}
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
            value={values.planned_sessions}
            error={errors.planned_sessions}
            onChange={(e) => set('planned_sessions', e.target.value)}
            ref={(el) => {
              refs.current.planned_sessions = el;
            }}
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
              checked={reviewed}
              error={errors.intake_reviewed}
              onChange={(e) => {
                setReviewed(e.target.checked);
                setErrors((x) => (x.intake_reviewed ? { ...x, intake_reviewed: undefined } : x));
              }}
              ref={(el) => {
                refs.current.intake_reviewed = el;
              }}
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
          <button type="submit" className="button button--primary" disabled={busy || !current}>
            {busy ? <span className="spinner" aria-hidden="true" /> : null}
            {t('trajectoryNew.submit')}
          </button>
          <Link to={cardPath} className="button button--secondary">
            {t('action.cancel')}
          </Link>
        </div>
      </form>
    </main>
  );
}
