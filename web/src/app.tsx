// The app: language, session, then the screen for the path. A user who must first change a
// one-time password or enrol TOTP sees only that; everyone else gets the client screens, and the
// owner the catalogue with the practice settings, the team (Medewerkers) and the locations
// (Vestigingen).
import { useEffect, useRef } from 'react';
import { CatalogueScreen } from './catalogue/CatalogueScreen';
import { I18nProvider, useI18n } from './i18n';
import { ClientCardScreen } from './clients/ClientCardScreen';
import { ClientEditScreen } from './clients/ClientEditScreen';
import { ClientListScreen } from './clients/ClientListScreen';
import { ClientNewScreen } from './clients/ClientNewScreen';
import { SessionScreen } from './dossier/SessionScreen';
import { StaffScreen } from './staff/StaffScreen';
import { TrajectoryNewScreen } from './dossier/TrajectoryNewScreen';
import { TrajectoryScreen } from './dossier/TrajectoryScreen';
import { LocationsScreen } from './locations/LocationsScreen';
import { LoginScreen } from './login/LoginScreen';
import { PasswordChangeScreen } from './login/PasswordChangeScreen';
import { ReloginDialog } from './login/ReloginDialog';
import { SessionProvider, useSession } from './login/session';
import { TotpEnrolScreen } from './login/TotpEnrolScreen';
import { AppLayout } from './ui/AppLayout';
import { StaffDirectoryProvider } from './ui/staffDirectory';
import { LocationProvider } from './ui/location';
import { Link, matchPath, navigate, useLocation } from './ui/router';
import { ScreenTitle } from './ui/screen';
import {
  mayCreateClients,
  mayEditClients,
  mayManageLocations,
  mayManagePractice,
  mayManageStaff,
  mayReadDossier,
  mayWriteDossier,
} from './ui/roles';

function NotFoundScreen() {
  const { t } = useI18n();
  return (
    <main className="screen" id="main">
      <ScreenTitle title={t('notFound.title')} />
      <p>{t('notFound.text')}</p>
      <p>
        <Link to="/clients">{t('clients.backToList')}</Link>
      </p>
    </main>
  );
}

function SignedInRoutes() {
  const { me } = useSession();
  const { pathname } = useLocation();

  useEffect(() => {
    if (pathname === '/' || pathname === '/login' || pathname === '/index.html') navigate('/clients', { replace: true });
  }, [pathname]);

  if (!me) return null;
  if (pathname === '/clients') return <ClientListScreen />;
  // The catalogue and the practice settings are the owner's; for anyone else the path is unknown.
  if (pathname === '/catalogue' && mayManagePractice(me.role)) return <CatalogueScreen />;
  // So is the team (R-STAFF-3).
  if (pathname === '/staff' && mayManageStaff(me.role)) return <StaffScreen />;
  // And the locations.
  if (pathname === '/locations' && mayManageLocations(me.role)) return <LocationsScreen />;
  if (pathname === '/clients/new' && mayCreateClients(me.role)) return <ClientNewScreen />;
  const edit = matchPath('/clients/:id/edit', pathname);
  if (edit?.id && edit.id !== 'new' && mayEditClients(me.role)) return <ClientEditScreen key={pathname} id={edit.id} />;
  const card = matchPath('/clients/:id', pathname);
  if (card?.id && card.id !== 'new') return <ClientCardScreen id={card.id} />;
  if (mayReadDossier(me.role)) {
    const newTrajectory = matchPath('/clients/:id/trajectories/new', pathname);
    if (newTrajectory?.id && mayWriteDossier(me.role)) return <TrajectoryNewScreen clientId={newTrajectory.id} />;
    const trajectory = matchPath('/clients/:id/trajectories/:tid', pathname);
    if (trajectory?.id && trajectory.tid && trajectory.tid !== 'new') {
      return <TrajectoryScreen key={pathname} clientId={trajectory.id} trajectoryId={trajectory.tid} />;
    }
    const session = matchPath('/clients/:id/trajectories/:tid/sessions/:sid', pathname);
    if (session?.id && session.tid && session.sid && (session.sid !== 'new' || mayWriteDossier(me.role))) {
      return (
        <SessionScreen
          key={pathname}
          clientId={session.id}
          trajectoryId={session.tid}
          sessionId={session.sid === 'new' ? null : session.sid}
        />
      );
    }
  }
  if (pathname === '/' || pathname === '/login' || pathname === '/index.html') return null;
  return <NotFoundScreen />;
}

function Shell() {
  const { t } = useI18n();
  const { state, generation } = useSession();
  const { pathname, search } = useLocation();
  const wanted = useRef<string | null>(null);

  // Not signed in: /login, remembering where the user was going.
  useEffect(() => {
    if (state.status !== 'anonymous' || pathname === '/login') return;
    if (pathname !== '/' && pathname !== '/index.html') wanted.current = pathname + (search.size ? `?${search}` : '');
    navigate('/login', { replace: true });
  }, [state.status, pathname, search]);

  if (state.status === 'loading') {
    return (
      <p className="boot" role="status">
        {t('state.loading')}
      </p>
    );
  }

  if (state.status === 'anonymous') {
    return (
      <LoginScreen
        onSignedIn={() => {
          const to = wanted.current ?? '/clients';
          wanted.current = null;
          navigate(to, { replace: true });
        }}
      />
    );
  }

  const me = state.me;
  if (me.password_change_required || me.totp_enrolment_required) {
    return (
      <LocationProvider locations={me.locations}>
        <AppLayout nav={false}>{me.password_change_required ? <PasswordChangeScreen /> : <TotpEnrolScreen />}</AppLayout>
        <ReloginDialog />
      </LocationProvider>
    );
  }

  return (
    <LocationProvider locations={me.locations} key={generation}>
      <StaffDirectoryProvider>
        <AppLayout>
          <SignedInRoutes />
        </AppLayout>
      </StaffDirectoryProvider>
      <ReloginDialog />
    </LocationProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <Shell />
      </SessionProvider>
    </I18nProvider>
  );
}
