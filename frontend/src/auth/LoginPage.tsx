import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate } from 'react-router-dom';
import { ApiError } from '../api/client';
import { useAuth } from './AuthProvider';
import { Alert, FullScreenLoading } from '../shared/Feedback';

/** The login page's message for a failed attempt (ui.md §5.1). */
export function loginErrorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 403) return 'Usuario suspendido. Contacte al administrador.';
    if (error.status === 429 && error.apiMessage) return error.apiMessage;
  }
  return 'Credenciales invalidas.';
}

export function LoginPage() {
  const { user, login } = useAuth();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (user === undefined) return <FullScreenLoading />;
  if (user) return <Navigate to="/app" replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setBusy(true);
    try {
      await login(email, password);
      navigate('/app', { replace: true });
    } catch (e) {
      setError(loginErrorMessage(e));
      setBusy(false);
    }
  }

  return (
    <main className="login-page">
      <div className="login-card">
        <h1>CMEP</h1>
        <p className="subtitle">Certificado Medico de Evaluacion Profesional</p>
        {error && <Alert kind="error">{error}</Alert>}
        <form onSubmit={submit}>
          <label className="field">
            <span>Email</span>
            <input type="email" required autoFocus autoComplete="username" value={email}
                   onChange={(e) => setEmail(e.target.value)} />
          </label>
          <label className="field">
            <span>Contrasena</span>
            <input type="password" required autoComplete="current-password" value={password}
                   onChange={(e) => setPassword(e.target.value)} />
          </label>
          <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
            {busy ? 'Ingresando...' : 'Ingresar'}
          </button>
        </form>
      </div>
    </main>
  );
}
