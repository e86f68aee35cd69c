// The intake (gezondheidsvragenlijst) on the client card (R-DOS): the current version with its
// number, author and date, the fields that changed since the version before, a form that saves
// a new version (nothing is ever edited in place) and every older version, readable.
import { useState } from 'react';
import { type IntakeAnswers, type IntakeHistory, type IntakeVersion } from '../api/client';
import { addIntakeVersion, getIntake } from '../api/endpoints';
import { useI18n } from '../i18n';
import { useMe } from '../login/session';
import { Item, Section } from '../ui/card';
import { FormError, Notice, SubmitButton, TextAreaField } from '../ui/controls';
import { formatDateTime } from '../ui/format';
import { mayWriteDossier } from '../ui/roles';
import { LoadStatus } from '../ui/LoadStatus';
import { useForm } from '../ui/useForm';
import { useLoad } from '../ui/useLoad';
import { INTAKE_FIELDS, intakeValue, type IntakeField } from './labels';
import { useStaffName } from '../ui/staffDirectory';
import '../ui/disclosure.css';
import './intake.css';

function emptyAnswers(): Record<IntakeField, string> {
  return { allergies: '', medication: '', pregnancy: '', skin_conditions: '', contra_indications: '', notes: '' };
}

function Answers({ version, previous }: { version: IntakeVersion; previous?: IntakeVersion }) {
  const { t } = useI18n();
  return (
    <dl className="facts">
      {INTAKE_FIELDS.map((f) => {
        const value = intakeValue(version.answers, f);
        const changed = previous !== undefined && value !== intakeValue(previous.answers, f);
        return (
          <Item key={f} label={t(`intake.${f}`)}>
            {value ? <span className="prewrap">{value}</span> : <span className="facts__empty">{t('intake.nothing')}</span>}
            {changed ? <span className="badge badge--changed">{t('intake.changedBadge')}</span> : null}
          </Item>
        );
      })}
    </dl>
  );
}

function VersionLine({ version }: { version: IntakeVersion }) {
  const { t } = useI18n();
  const staffName = useStaffName();
  return (
    <>
      {t('intake.versionLine', {
        n: version.version,
        time: formatDateTime(version.created_at),
        author: staffName(version.author),
      })}
    </>
  );
}

function IntakeForm({
  clientId,
  current,
  onSaved,
  onCancel,
}: {
  clientId: string;
  current: IntakeVersion | null;
  onSaved: (v: IntakeVersion) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const form = useForm<Record<IntakeField, string>, IntakeField>({
    initial: () => {
      const v = emptyAnswers();
      for (const f of INTAKE_FIELDS) v[f] = intakeValue(current?.answers, f);
      return v;
    },
    fields: INTAKE_FIELDS,
  });

  async function send(values: Record<IntakeField, string>) {
    const body: IntakeAnswers = {};
    for (const f of INTAKE_FIELDS) body[f] = values[f].trim();
    onSaved(await addIntakeVersion(clientId, body));
  }

  return (
    <form className="form subform" onSubmit={form.onSubmit(send)} noValidate aria-labelledby="intake-form-title">
      <h3 className="subform__title" id="intake-form-title">
        {current ? t('intake.formTitleNew', { n: current.version + 1 }) : t('intake.formTitleFirst')}
      </h3>
      <p className="muted">{t('intake.formIntro')}</p>
      <FormError focusRef={form.formErrorRef} title={t('intake.saveFailed')} text={form.formError} />
      <div className="form__grid">
        {INTAKE_FIELDS.map((f, i) => (
          <TextAreaField
            key={f}
            id={`intake-${f}`}
            label={t(`intake.${f}`)}
            hint={t(`intake.${f}Hint`)}
            rows={f === 'notes' ? 4 : 2}
            maxLength={4000}
            {...form.bind(f)}
            autoFocus={i === 0}
          />
        ))}
      </div>
      <div className="actions">
        <SubmitButton busy={form.busy}>{t(current ? 'intake.save' : 'intake.saveFirst')}</SubmitButton>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
}

export function IntakeSection({ clientId }: { clientId: string }) {
  const { t } = useI18n();
  const me = useMe();
  const write = mayWriteDossier(me.role);
  const { load, reload, set } = useLoad<IntakeHistory>((signal) => getIntake(clientId, signal), [clientId]);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<number | null>(null);
  const headingFocus = () => document.getElementById('sec-intake')?.focus();

  let body;
  if (load.state !== 'done') {
    body = <LoadStatus err={load.state === 'error' ? load.err : null} retry={reload} />;
  } else {
    const { current, versions } = load.data;
    const older = versions.filter((v) => v.version !== current?.version).sort((a, b) => b.version - a.version);
    const previous = current ? versions.find((v) => v.version === current.version - 1) : undefined;
    body = (
      <>
        <div role="status">
          {saved !== null ? (
            <Notice kind="success">
              <p>{t('intake.saved', { n: saved })}</p>
            </Notice>
          ) : null}
        </div>
        {editing ? (
          <IntakeForm
            clientId={clientId}
            current={current}
            onCancel={() => {
              setEditing(false);
              headingFocus();
            }}
            onSaved={(v) => {
              set({ current: v, versions: [...versions, v] });
              setEditing(false);
              setSaved(v.version);
              headingFocus();
            }}
          />
        ) : null}
        {editing ? null : current ? (
          <>
            <p className="version-line">
              <VersionLine version={current} />
            </p>
            <Answers version={current} previous={previous} />
          </>
        ) : (
          <Notice kind="info" title={t('intake.noneTitle')}>
            <p>{t(write ? 'intake.noneText' : 'intake.noneTextReadOnly')}</p>
          </Notice>
        )}
        {older.length && !editing ? (
          <div className="history">
            <h3 className="history__title">{t('intake.olderTitle', { n: older.length })}</h3>
            {older.map((v) => (
              <details className="disclosure" key={v.version}>
                <summary className="disclosure__summary">
                  <VersionLine version={v} />
                </summary>
                <div className="disclosure__body">
                  <Answers version={v} previous={versions.find((p) => p.version === v.version - 1)} />
                </div>
              </details>
            ))}
          </div>
        ) : null}
      </>
    );
  }

  const hasCurrent = load.state === 'done' && load.data.current !== null;
  return (
    <Section
      id="sec-intake"
      title={t('client.health')}
      wide
      actions={
        write && load.state === 'done' && !editing ? (
          <button
            type="button"
            className={`button ${hasCurrent ? 'button--secondary' : 'button--primary'}`}
            onClick={() => {
              setSaved(null);
              setEditing(true);
            }}
          >
            {t(hasCurrent ? 'intake.newVersion' : 'intake.fillIn')}
          </button>
        ) : null
      }
    >
      {body}
    </Section>
  );
}
