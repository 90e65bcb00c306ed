import { Navigate, useParams } from 'react-router-dom';
import { useEntityView } from '../../api/hooks.ts';
import { ErrorPanel } from '../../components/Status/ErrorPanel.tsx';
import { Loading } from '../../components/Status/Loading.tsx';
import { entityPathFor, useProfileTemplates } from '../../lib/profileTemplates.ts';

/** `/entities/:id`: any entity by id (a text-to-entity connection's target), sent to its own page. */
export default function EntityRedirect() {
  const { id = '' } = useParams();
  const { data, error, isLoading } = useEntityView(id);
  const profiles = useProfileTemplates();
  if (isLoading || profiles.isPending) return <Loading />;
  if (!data || !profiles.names) return <ErrorPanel error={error ?? profiles.error} />;
  return <Navigate replace to={entityPathFor(data.entity, profiles.names)} />;
}
