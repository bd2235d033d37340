// Any other /admin address: a 404 inside the console (its layout, guard and error page), not the bare
// root error page SvelteKit shows for addresses no route matches.
import { error } from '@sveltejs/kit';

export const load = () => error(404, 'Not found');
