// "Wijzigingsgeschiedenis" on the client card (issue 12): every registration and change, newest
// first: when, by whom, and per field from what to what, in words (a location by its name, a
// record-keeping choice as "toestemming gegeven"). The front desk gets no dossier choices.
import { useState } from 'react';
import type { ClientChange } from '../api/client';
import { getClientHistory } from '../api/endpoints';
import { hasMessage, useI18n, type MessageKey, type Translate } from '../i18n';
import { useMe } from '../login/session';
import { Section } from '../ui/card';
import { formatDate, formatDateTime } from '../ui/format';
import { LoadStatus } from '../ui/LoadStatus';
import { useLocations } from '../ui/location';
import { useLoad } from '../ui/useLoad';
import './change-log.css';

type Field = ClientChange['changes'][number]['field'];

/** The label of each field, as the card and the forms name it. */
const FIELD_LABEL: Record<Field, MessageKey> = {
  given_name: 'client.givenName',
  name_prefix: 'client.namePrefix',
  family_name: 'client.familyName',
  date_of_birth: 'client.dateOfBirth',
  phone: 'client.phone',
  email: 'client.email',
  location: 'client.location',
  records_consent: 'client.recordsConsent',
  photo_preference: 'client.photoPreference',
};

/** How many entries show before "show all". */
const FIRST = 5;

function valueText(t: Translate, nameOf: (id: string) => string | undefined, field: Field, value: string | null): string {
  if (field === 'records_consent' || field === 'photo_preference') {
    const key = `clientHistory.${field}.${value ?? 'null'}`;
    return hasMessage(key) ? t(key) : String(value);
  }
  if (value === null || value === '') return t('clientHistory.empty');
  if (field === 'date_of_birth') return formatDate(value);
  if (field === 'location') return nameOf(value) ?? t('clientHistory.otherLocation');
  return value;
}

/** One change in words: "van 06 1234 naar 06 5678", "ingevuld: …", "gewist (was …)". */
function changeText(t: Translate, nameOf: (id: string) => string | undefined, c: ClientChange['changes'][number]): string {
  const choice = c.field === 'records_consent' || c.field === 'photo_preference';
  const from = valueText(t, nameOf, c.field, c.from);
  const to = valueText(t, nameOf, c.field, c.to);
  if (!choice && !c.from) return t('clientHistory.set', { to });
  if (!choice && !c.to) return t('clientHistory.cleared', { from });
  return t('clientHistory.fromTo', { from, to });
}

export function ClientHistorySection({ clientId }: { clientId: string }) {
  const { t } = useI18n();
  const me = useMe();
  const { nameOf } = useLocations();
  const { load, reload } = useLoad((signal) => getClientHistory(clientId, signal), [clientId]);
  const [all, setAll] = useState(false);

  if (load.state !== 'done') {
    return (
      <Section id="sec-history" title={t('clientHistory.title')} wide>
        <LoadStatus err={load.state === 'error' ? load.err : null} retry={reload} />
      </Section>
    );
  }

  const first = load.data.items[0];
  const entries = [...load.data.items].reverse();
  const shown = all ? entries : entries.slice(0, FIRST);

  return (
    <Section id="sec-history" title={t('clientHistory.title')} wide>
      {entries.length === 0 ? <p className="muted">{t('clientHistory.none')}</p> : null}
      <ol className="change-log">
        {shown.map((entry) => {
          const created = entry === first && entry.changes.every((c) => c.from === null);
          const who = entry.by === me.id ? t('staff.you', { name: entry.by_name }) : entry.by_name;
          return (
            <li className="change-log__entry" key={`${entry.at}-${entry.by}`}>
              <p className="change-log__head">
                <span className="change-log__what">{t(created ? 'clientHistory.created' : 'clientHistory.changed')}</span>{' '}
                <span className="change-log__when">
                  {t('clientHistory.byAt', { name: who, time: formatDateTime(entry.at) })}
                </span>
              </p>
              <dl className="change-log__changes">
                {entry.changes.map((c) => (
                  <div className="change-log__change" key={c.field}>
                    <dt>{t(FIELD_LABEL[c.field])}</dt>
                    <dd>{created ? valueText(t, nameOf, c.field, c.to) : changeText(t, nameOf, c)}</dd>
                  </div>
                ))}
              </dl>
            </li>
          );
        })}
      </ol>
      {entries.length > FIRST ? (
        <button type="button" className="button button--quiet" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? t('clientHistory.fewer') : t('clientHistory.all', { n: entries.length })}
        </button>
      ) : null}
    </Section>
  );
}
