import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { Template } from '../../../domain/schemas/index.ts';
import { useSectionRest } from '../../api/profiles.ts';
import { localEntity, useContentLanguage } from '../../lib/local.ts';
import type { SectionModel } from './profileModel.ts';
import { ProfileLinks, RelatedItem } from './RelatedItem.tsx';

/** The URL parameter naming the sections a reader expanded, so a shared link opens them in full. */
export const ALL_PARAM = 'all';

/**
 * The entities of a relationship section: the first page the profile's view carried, and "Show all N",
 * which loads the rest a page at a time (appending each as it comes, its progress announced) and puts the
 * section in the URL. Focus moves to the first entity it added, so a keyboard reader goes on from there.
 */
export function SectionItems({
  entityId,
  section,
  templateByName,
  isProfileList,
}: {
  entityId: string;
  section: SectionModel;
  templateByName: Map<string, Template>;
  isProfileList: boolean;
}) {
  const { t } = useTranslation();
  const lang = useContentLanguage();
  const name = section.property.name;
  const [params, setParams] = useSearchParams();
  const inUrl = params.getAll(ALL_PARAM).includes(name);
  const [asked, setAsked] = useState(false);
  const hasMore = section.total > section.items.length;
  const isExpanded = hasMore && (asked || inUrl);
  const rest = useSectionRest(entityId, name, section.items.length, isExpanded);
  const listRef = useRef<HTMLUListElement>(null);
  const focusAt = useRef<number | null>(null);

  const { hasNextPage, isFetchingNextPage, isError, fetchNextPage } = rest;
  // "Show all" means all: each page asks for the next until the section is complete.
  useEffect(() => {
    if (isExpanded && hasNextPage && !isFetchingNextPage && !isError) void fetchNextPage();
  }, [isExpanded, hasNextPage, isFetchingNextPage, isError, fetchNextPage]);

  const more = (rest.data?.pages ?? []).flatMap((p) =>
    p.items.map((i) => localEntity(i, templateByName.get(i.template), lang)),
  );
  const items = [...section.items, ...more];
  const loaded = Math.min(items.length, section.total);
  const isComplete = !hasMore || (isExpanded && rest.isSuccess && !rest.hasNextPage);

  useEffect(() => {
    if (focusAt.current === null || items.length <= focusAt.current) return;
    listRef.current?.children[focusAt.current]?.querySelector<HTMLElement>('a')?.focus();
    focusAt.current = null;
  });

  const showAll = () => {
    focusAt.current = section.items.length;
    setAsked(true);
    if (!inUrl)
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          next.append(ALL_PARAM, name);
          return next;
        },
        { replace: true, preventScrollReset: true },
      );
  };

  return (
    <>
      {isProfileList ? (
        <ProfileLinks items={items} listRef={listRef} />
      ) : (
        <ul className="items" ref={listRef}>
          {items.map((item) => (
            <RelatedItem key={item.id} item={item} template={templateByName.get(item.template)} />
          ))}
        </ul>
      )}
      {hasMore && !isExpanded && (
        <button type="button" className="btn btn--small psection__more no-print" onClick={showAll}>
          {t('profile.showAll', { total: section.total })}
        </button>
      )}
      <p className="muted psection__progress" role="status">
        {isExpanded && !isComplete && !isError
          ? t('profile.loadingMore', { loaded, total: section.total })
          : ''}
      </p>
      {isExpanded && isError && (
        <p role="alert" className="psection__failed">
          {t('profile.loadMoreFailed')}{' '}
          <button type="button" className="btn btn--small" onClick={() => void fetchNextPage()}>
            {t('editor.retry')}
          </button>
        </p>
      )}
    </>
  );
}
