import { Navigate, useParams } from 'react-router-dom';
import { useEntityView } from '../../api/hooks.ts';
import { ErrorPanel } from '../../components/Status/ErrorPanel.tsx';
import { Loading } from '../../components/Status/Loading.tsx';
import { entitySlug } from '../../lib/slug.ts';
import { PROFILE_ROUTES } from '../../lib/templates.ts';

/** `/entities/:id`: any entity by id (a text-to-entity connection's target), sent to its own page. */
export default function EntityRedirect() {
  const { id = '' } = useParams();
  const { data, error, isLoading } = useEntityView(id);
  if (isLoading) return <Loading />;
  if (!data) return <ErrorPanel error={error} />;
  const route = PROFILE_ROUTES[data.entity.template];
  return (
    <Navigate
      replace
      to={route ? `/${route}/${entitySlug(data.entity)}` : `/documents/${encodeURIComponent(id)}`}
    />
  );
}
