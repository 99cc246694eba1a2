import type { HttpFunction } from '@google-cloud/functions-framework';

/**
 * One HTTP function serving several doors by path (`/intake`, `/formSync`, …), for `npm start`: a newcomer gets every
 * function on one port. `GET /` lists the paths; an unknown path is a 404.
 */
export function router(routes: Record<string, HttpFunction>): HttpFunction {
  return (req, res) => {
    const path = req.path.replace(/\/+$/, '') || '/';
    const route = routes[path];
    if (route) return route(req, res);
    if (path === '/' && req.method === 'GET') return void res.status(200).json({ functions: Object.keys(routes) });
    res.status(404).json({ error: `Không có hàm ở "${path}". Các đường dẫn: ${Object.keys(routes).join(', ')}.` });
  };
}
