import { redirect } from 'next/navigation';
import { homePathFor, requireUser } from '@/lib/auth/guards';

/** After sign-in: each role lands on its own home. */
export default async function HomeRedirect() {
  const user = await requireUser();
  redirect(homePathFor(user));
}
