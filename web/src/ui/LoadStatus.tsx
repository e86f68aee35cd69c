// What a part of a screen shows while its data loads, or when loading failed (with a retry).
import { useI18n } from '../i18n';
import { Notice } from './controls';
import { errorText } from './errors';

export function LoadStatus({ err, retry }: { err: unknown; retry?: () => void }) {
  const { t } = useI18n();
  if (err === null || err === undefined) {
    return (
      <p className="loading" role="status">
        {t('state.loading')}
      </p>
    );
  }
  return (
    <Notice kind="error" live="alert">
      <p>{errorText(t, err)}</p>
      {retry ? (
        <button type="button" className="button button--secondary" onClick={retry}>
          {t('action.retry')}
        </button>
      ) : null}
    </Notice>
  );
}
