// The frame of every signed-in screen: a skip link, the header (practice, navigation, location
// switch, language, user, logout) and the main region.
import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import { useMe, useSession } from '../login/session';
import { useLocations } from './location';
import { mayListClients, mayManageLocations, mayManagePractice, mayManageStaff } from './roles';
import { Link, useLocation } from './router';
import { Brand, LanguageSwitch } from './screen';
import './frame.css';

export function AppLayout({ children, nav = true }: { children: ReactNode; nav?: boolean }) {
  const { t } = useI18n();
  const me = useMe();
  const { logout } = useSession();
  const { pathname } = useLocation();
  const { locations, current, setCurrent } = useLocations();
  const onClients = pathname === '/clients' || pathname.startsWith('/clients/');
  // The catalogue, the team and the locations are the whole practice's: the location switch
  // would filter nothing there.
  const onCatalogue = pathname === '/catalogue';
  const onStaff = pathname === '/staff';
  const onLocations = pathname === '/locations';

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="topbar">
        <div className="topbar__inner">
          <div className="topbar__start">
            <Link to="/clients" className="topbar__home">
              <Brand />
            </Link>
            <span className="topbar__practice">{me.practice.name}</span>
          </div>
          <div className="topbar__end">
            <LanguageSwitch />
            <div className="topbar__user">
              <span className="topbar__name" title={me.display_name}>
                {me.display_name}
              </span>
              <span className="topbar__role">{t(`role.${me.role}`)}</span>
            </div>
            <button type="button" className="button button--secondary" onClick={() => void logout()}>
              {t('nav.logout')}
            </button>
          </div>
        </div>
        {nav ? (
          <div className="subbar">
            <div className="subbar__inner">
              <nav className="tabs" aria-label={t('nav.label')}>
                <Link to="/clients" className="tabs__link" aria-current={onClients ? 'page' : undefined}>
                  {t('nav.clients')}
                </Link>
                {mayManagePractice(me.role) ? (
                  <Link to="/catalogue" className="tabs__link" aria-current={onCatalogue ? 'page' : undefined}>
                    {t('nav.catalogue')}
                  </Link>
                ) : null}
                {mayManageStaff(me.role) ? (
                  <Link to="/staff" className="tabs__link" aria-current={onStaff ? 'page' : undefined}>
                    {t('nav.staff')}
                  </Link>
                ) : null}
                {mayManageLocations(me.role) ? (
                  <Link to="/locations" className="tabs__link" aria-current={onLocations ? 'page' : undefined}>
                    {t('nav.locations')}
                  </Link>
                ) : null}
              </nav>
              {locations.length > 1 && mayListClients(me.role) && !onCatalogue && !onStaff && !onLocations ? (
                <div className="topbar__location">
                  <label htmlFor="location-switch">{t('location.switch')}</label>
                  <select
                    id="location-switch"
                    className="input select select--compact"
                    value={current}
                    onChange={(e) => setCurrent(e.target.value)}
                  >
                    <option value="">{t('location.all')}</option>
                    {locations.map((l) => (
                      <option key={l.id} value={l.id}>
                        {l.name}
                      </option>
                    ))}
                  </select>
                </div>
              ) : null}
            </div>
          </div>
        ) : null}
      </header>
      {children}
    </div>
  );
}
