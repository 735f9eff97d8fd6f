import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Form,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  data,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { z } from "zod";
import { getUser } from "~/auth/session.server";
import { ErrorPage } from "~/components/error-page";
import { ROLE_WORDS, homePathFor } from "~/domain/roles";
import { paths } from "~/utils/paths";
import stylesheet from "~/tailwind.css?url";
import { useNonce } from "~/utils/nonce";

// Zod compiles object parsers with `new Function` when it may; the
// Content-Security-Policy forbids eval (decision 009), so it parses without.
z.config({ jitless: true });

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Rebound" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, headers } = await getUser(request);
  return data({ user: user ? { name: user.name, role: user.role, email: user.email } : null }, { headers });
}

function Header() {
  const root = useRouteLoaderData<typeof loader>("root");
  const user = root?.user;
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link to={user ? homePathFor(user.role) : paths.home()} className="flex items-center gap-2 text-lg font-semibold text-slate-900 no-underline">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          Rebound
        </Link>
        {user ? (
          <nav aria-label="Account" className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
            <Link to={homePathFor(user.role)} className="whitespace-nowrap">
              {ROLE_WORDS[user.role].home}
            </Link>
            <span className="text-slate-600">
              {user.name} <span className="sr-only">signed in as </span>({ROLE_WORDS[user.role].lower})
            </span>
            <Link to={paths.account()} className="whitespace-nowrap">
              Your account
            </Link>
            <Form method="post" action={paths.logout()}>
              <button type="submit" className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-100">
                Log out
              </button>
            </Form>
          </nav>
        ) : (
          <nav aria-label="Account" className="flex items-center gap-4 text-sm">
            <Link to={paths.login()}>Log in</Link>
            <Link to={paths.signup()}>Sign up</Link>
          </nav>
        )}
      </div>
    </header>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="min-h-screen font-sans antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2">
          Skip to content
        </a>
        <Header />
        <main id="main" className="mx-auto max-w-6xl px-4 py-8">
          {children}
        </main>
        <ScrollRestoration nonce={nonce || undefined} />
        <Scripts nonce={nonce || undefined} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <ErrorPage error={useRouteError()} />;
}
