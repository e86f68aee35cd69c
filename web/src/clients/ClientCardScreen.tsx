// /clients/:id: the client card. What shows depends on the role: the assistant's answer has no
// records_consent or photo_preference, and only roles that may read the dossier get the intake
// and the trajectories (R-SEC-2). Refused record keeping (R-DOS-1) and refused or own photos
// (R-DOS-2) carry their note; one not asked yet gets its one-tap answers. The photos follow the
// trajectories, then the change history. "Gegevens wijzigen" opens the edit form.
import { useState } from 'react';
import { ApiError } from '../api/client';
import { getClient } from '../api/endpoints';
import { useI18n } from '../i18n';
import { useMe } from '../login/session';
import { IntakeSection } from '../dossier/IntakeSection';
import { TrajectoriesSection } from '../dossier/TrajectoriesSection';
import { PhotosSection } from '../photos/PhotosSection';
import { Item, Section } from '../ui/card';
import { Notice } from '../ui/controls';
import { errorText } from '../ui/errors';
import { takeFlash } from '../ui/flash';
import { ageOn, formatDate, formatDateTime, fullName, todayInAmsterdam } from '../ui/format';
import { useLocations } from '../ui/location';
import { mayEditClients, mayReadDossier } from '../ui/roles';
import { Link } from '../ui/router';
import { ScreenTitle } from '../ui/screen';
import { useLoad } from '../ui/useLoad';
import { AgreementsSection } from './AgreementsSection';
import { ClientHistorySection } from './ClientHistorySection';
import './clients.css';

export function ClientCardScreen({ id }: { id: string }) {
  const { t } = useI18n();
  const me = useMe();
  const { nameOf } = useLocations();
  const { load, reload, set } = useLoad((signal) => getClient(id, signal), [id]);
  const [flash] = useState(() => takeFlash(`/clients/${id}`));

  const back = (
    <p className="back">
      <Link to="/clients">{t('clients.backToList')}</Link>
    </p>
  );

  if (load.state === 'loading') {
    return (
      <main className="screen" id="main">
        {back}
        <ScreenTitle title={t('client.title')} />
        <p className="loading" role="status">
          {t('state.loading')}
        </p>
      </main>
    );
  }

  if (load.state === 'error') {
    const notFound = load.err instanceof ApiError && load.err.code === 'not_found';
    return (
      <main className="screen" id="main">
        {back}
        <ScreenTitle title={notFound ? t('client.notFoundTitle') : t('client.title')} />
        {notFound ? (
          <p>{t('client.notFoundText')}</p>
        ) : (
          <Notice kind="error" live="alert">
            <p>{errorText(t, load.err)}</p>
            <button type="button" className="button button--secondary" onClick={reload}>
              {t('action.retry')}
            </button>
          </Notice>
        )}
      </main>
    );
  }

  const c = load.data;
  const age = ageOn(c.date_of_birth, todayInAmsterdam());
  const hasAgreements = 'records_consent' in c || 'photo_preference' in c;
  const empty = <span className="facts__empty">{t('client.notGiven')}</span>;

  return (
    <main className="screen" id="main">
      {back}
      <div>
        {flash ? (
          <Notice kind="success" live="status">
            <p>{t(flash)}</p>
          </Notice>
        ) : null}
      </div>
      <div className="screen__head">
        <ScreenTitle title={fullName(c)} />
        {mayEditClients(me.role) ? (
          <Link to={`/clients/${c.id}/edit`} className="button button--secondary">
            {t('client.edit')}
          </Link>
        ) : null}
      </div>
      <p className="screen__sub">
        {t('client.bornLine', { date: formatDate(c.date_of_birth) })}
        {age !== null ? ` · ${t('client.age', { n: age })}` : ''}
        {nameOf(c.location) ? ` · ${nameOf(c.location)}` : ''}
      </p>

      <div className="cards">
        <Section id="sec-identity" title={t('client.identity')}>
          <dl className="facts">
            <Item label={t('client.givenName')}>{c.given_name}</Item>
            <Item label={t('client.namePrefix')}>{c.name_prefix || empty}</Item>
            <Item label={t('client.familyName')}>{c.family_name}</Item>
            <Item label={t('client.dateOfBirth')}>{formatDate(c.date_of_birth)}</Item>
          </dl>
        </Section>

        <Section id="sec-contact" title={t('client.contact')}>
          <dl className="facts">
            <Item label={t('client.phone')}>{c.phone ? <a href={`tel:${c.phone.replace(/[^\d+]/g, '')}`}>{c.phone}</a> : empty}</Item>
            <Item label={t('client.email')}>{c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : empty}</Item>
            <Item label={t('client.location')}>{nameOf(c.location) ?? empty}</Item>
          </dl>
        </Section>

        {hasAgreements ? <AgreementsSection client={c} onChanged={set} /> : null}

        {mayReadDossier(me.role) ? (
          <>
            <IntakeSection clientId={c.id} />
            {/* An answer given on the card changes what the trajectories still miss. */}
            <TrajectoriesSection key={c.records_consent ?? 'unknown'} clientId={c.id} />
            <PhotosSection client={c} />
          </>
        ) : null}
        <ClientHistorySection key={c.updated_at} clientId={c.id} />
      </div>

      {me.role === 'assistant' ? <p className="muted role-note">{t('client.assistantNote')}</p> : null}

      <p className="muted stamps">
        {t('client.createdAt', { time: formatDateTime(c.created_at) })}
        {c.updated_at !== c.created_at ? ` · ${t('client.updatedAt', { time: formatDateTime(c.updated_at) })}` : ''}
      </p>
    </main>
  );
}
