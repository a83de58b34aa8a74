import { createBrowserRouter, createMemoryRouter, type RouteObject } from 'react-router-dom';
import { AppLayout } from './app-layout';
import { RouteError } from './route-error';
import { LoginRoute } from './routes/login-route';
import { NotFoundRoute } from './routes/not-found-route';
import { RecordingRoute } from './routes/recording-route';
import { RecordingsRoute } from './routes/recordings-route';
import { RoomRoute } from './routes/room-route';
import { RoomsRoute } from './routes/rooms-route';

export const routes: RouteObject[] = [
  { path: '/login', element: <LoginRoute />, errorElement: <RouteError /> },
  {
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <RecordingsRoute /> },
      { path: 'rooms', element: <RoomsRoute /> },
      { path: 'rooms/:roomId', element: <RoomRoute /> },
      { path: 'recordings/:recordingId', element: <RecordingRoute /> },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
];

/** Browser history in the app; memory history in component tests. */
export function createAppRouter(initialEntries?: string[]) {
  return initialEntries ? createMemoryRouter(routes, { initialEntries }) : createBrowserRouter(routes);
}
