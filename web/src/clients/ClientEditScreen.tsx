// /clients/:id/edit: keep a client current ("Gegevens wijzigen", issue 12): the form with the
// client as loaded; an unknown client, or one the caller may not see, is simply not found.
import { ApiError } from '../api/client';
import { getClient } from '../api/endpoints';
import { useI18n } from '../i18n';
import { fullName } from '../ui/format';
import { LoadStatus } from '../ui/LoadStatus';
import { Link } from '../ui/router';
import { ScreenTitle } from '../ui/screen';
import { useLoad } from '../ui/useLoad';
import { ClientEditForm } from './ClientEditForm';

export function ClientEditScreen({ id }: { id: string }) {
  const { t } = useI18n();
  const { load, reload } = useLoad((signal) => getClient(id, signal), [id]);
  const client = load.state === 'done' ? load.data : null;
  const notFound = load.state === 'error' && load.err instanceof ApiError && load.err.code === 'not_found';

  return (
    <main className="screen screen--narrow" id="main">
      <p className="back">
        <Link to={notFound ? '/clients' : `/clients/${id}`}>
          {notFound ? t('clients.backToList') : client ? t('dossier.backTo', { name: fullName(client) }) : t('dossier.backToClient')}
        </Link>
      </p>
      <ScreenTitle title={notFound ? t('client.notFoundTitle') : t('clientEdit.title')} />
      {client ? (
        <>
          <p className="screen__sub">{t('clientEdit.intro', { name: fullName(client) })}</p>
          <ClientEditForm client={client} />
        </>
      ) : notFound ? (
        <p>{t('client.notFoundText')}</p>
      ) : (
        <LoadStatus err={load.state === 'error' ? load.err : null} retry={reload} />
      )}
    </main>
  );
}
