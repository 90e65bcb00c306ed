import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import type { Property } from '../../../domain/schemas/index.ts';
import { useCan } from '../../api/session.ts';
import { ShownLabel } from '../../components/Shown/Shown.tsx';
import { ErrorPanel } from '../../components/Status/ErrorPanel.tsx';
import { Loading } from '../../components/Status/Loading.tsx';
import { sectionLabel, useContentLanguage } from '../../lib/local.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { ProfileFacts } from './ProfileFacts.tsx';
import { ProfileHeader, SectionReviewed } from './ProfileHeader.tsx';
import { ProfileSection } from './ProfileSection.tsx';
import { buildSections, sectionId } from './profileModel.ts';
import { ALL_PARAM } from './SectionItems.tsx';
import { SectionSwitchDialog } from './SectionSwitchDialog.tsx';
import { useProfile } from './useProfile.ts';
import './Profile.css';
import { type ProfileKind, useProfileTemplates } from '../../lib/profileTemplates.ts';

// Only editors open it: its code (the editor's fields, uploads) stays out of the profile's chunk.
const AddDocumentDialog = lazy(() => import('../Editor/AddDocumentDialog.tsx'));
const SectionEditor = lazy(() => import('../Editor/SectionEditor.tsx'));

/**
 * `/states/:slug` and `/organisations/:slug`: a profile in the sections of its template, in template order;
 * the site settings say which template each kind of profile is.
 */
export default function ProfilePage({ kind }: { kind: ProfileKind }) {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const { hash, search } = useLocation();
  const profileTemplates = useProfileTemplates();
  const template = profileTemplates.names?.[kind];
  const profile = useProfile(template, slug);
  const { templates, view, isNotFound } = profile;
  const error = profileTemplates.error ?? profile.error;
  const isLoading = !error && (profileTemplates.isPending || profile.isLoading);
  const [open, setOpen] = useState<Set<string>>(() => new Set());
  const lang = useContentLanguage();
  const canEdit = useCan('collaborator');
  const [adding, setAdding] = useState<Property | null>(null);
  // The one section being edited in place (one at a time: its fields carry the editor's ids).
  const [editing, setEditing] = useState<string | null>(null);
  // Whether the open section editor holds unsaved changes: opening another section first asks (decision 53).
  const editorDirty = useRef(false);
  const [switchTo, setSwitchTo] = useState<string | null>(null);
  // Once the editor has closed, focus goes back to the section's Edit button (the editor's inputs are gone).
  const focusBack = useRef<string | null>(null);
  useEffect(() => {
    if (editing !== null || !focusBack.current) return;
    document.querySelector<HTMLElement>(`#${sectionId(focusBack.current)} .psection__edit`)?.focus();
    focusBack.current = null;
  }, [editing]);

  const tpl = templates?.find((x) => x.name === template);
  const templateByName = useMemo(() => new Map((templates ?? []).map((x) => [x.name, x])), [templates]);
  const groups = useMemo(
    () => (view && tpl && templates ? buildSections(view, tpl) : []),
    [view, tpl, templates],
  );
  const allNames = groups.flatMap((g) => g.sections.map((s) => s.property.name));
  useDocumentTitle(view?.entity.title ?? t('profile.title'));

  // A shared URL `#section-<property>` opens that section and brings it into view, once: focus taken
  // later by the reader (a loaded list, an editor) is not pulled back to the section's toggle.
  const shownHash = useRef('');
  useEffect(() => {
    const name = hash.startsWith('#section-') ? decodeURIComponent(hash.slice('#section-'.length)) : '';
    if (!name || groups.length === 0 || shownHash.current === hash) return;
    shownHash.current = hash;
    setOpen((prev) => new Set(prev).add(name));
    requestAnimationFrame(() => {
      const el = document.getElementById(sectionId(name));
      el?.scrollIntoView({ block: 'start' });
      el?.querySelector<HTMLButtonElement>('.psection__toggle')?.focus({ preventScroll: true });
    });
  }, [hash, groups.length]);

  // A shared URL `?all=<property>` opens that section (which then loads all its entities).
  useEffect(() => {
    const expanded = new URLSearchParams(search).getAll(ALL_PARAM);
    if (!expanded.length || groups.length === 0) return;
    setOpen((prev) => (expanded.every((n) => prev.has(n)) ? prev : new Set([...prev, ...expanded])));
  }, [search, groups.length]);

  const isReady = Boolean(view && tpl);
  // The bench (bench/web/run.ts) reads this mark: cold load to a rendered profile.
  useEffect(() => {
    if (isReady) performance.mark('profile-ready');
  }, [isReady]);

  if (error)
    return (
      <div className="page">
        <ErrorPanel error={error} />
      </div>
    );
  if (isNotFound)
    return (
      <div className="page">
        <h1>{t('profile.notFoundTitle')}</h1>
        <p>{t('profile.notFound', { slug })}</p>
        <Link to="/browse">{t('nav.browse')}</Link>
      </div>
    );
  if (isLoading || !view || !tpl)
    return (
      <div className="page">
        <Loading />
      </div>
    );

  const isAllOpen = allNames.length > 0 && allNames.every((n) => open.has(n));
  const toggle = (name: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(name)) next.delete(name);
      else next.add(name);
      return next;
    });

  const openEditor = (name: string) => {
    setEditing(name);
    setOpen((prev) => new Set(prev).add(name));
  };
  const editSection = (name: string) => {
    if (editing !== null && editing !== name && editorDirty.current) setSwitchTo(name);
    else openEditor(name);
  };
  const labelOf = (name: string | null) =>
    groups.flatMap((g) => g.sections).find((s) => s.property.name === name)?.property.label ?? name ?? '';
  const keepEditing = () => {
    setSwitchTo(null);
    // Back to the field with the unsaved text, once the dialog has given the focus back.
    requestAnimationFrame(() => {
      const field = editing ? document.getElementById(`field-${editing}`) : null;
      field?.scrollIntoView({ block: 'center' });
      field?.focus();
    });
  };
  const discardAndSwitch = () => {
    const next = switchTo;
    setSwitchTo(null);
    editorDirty.current = false;
    if (next) openEditor(next);
  };
  const closeEditor = (name: string) => {
    focusBack.current = name;
    setEditing(null);
  };

  return (
    <article className="page profile" data-profile-ready="true" aria-labelledby="profile-title">
      <ProfileHeader
        view={view}
        template={tpl}
        groups={groups}
        isAllOpen={isAllOpen}
        onToggleAll={() => setOpen(isAllOpen ? new Set() : new Set(allNames))}
      />
      <ProfileFacts entity={view.entity} template={tpl} />
      <div className="profile__layout">
        <nav className="profile__toc no-print" aria-label={t('profile.contents')}>
          <h2 className="profile__toc-title">{t('profile.contents')}</h2>
          <ol>
            {groups.map((g) => (
              <li key={g.heading}>
                <span className="profile__toc-group">
                  <ShownLabel label={sectionLabel(tpl, g.heading, lang)} mark={false} />
                </span>
                <ol>
                  {g.sections.map((s) => (
                    <li key={s.property.name} data-filled={s.isFilled}>
                      <a href={`#${sectionId(s.property.name)}`}>{s.property.label}</a>
                    </li>
                  ))}
                </ol>
              </li>
            ))}
          </ol>
        </nav>
        <div className="profile__sections">
          {groups.map((g) => (
            <section key={g.heading} className="profile__group" aria-labelledby={`group-${g.heading}`}>
              <h2 id={`group-${g.heading}`} className="profile__group-title">
                <ShownLabel label={sectionLabel(tpl, g.heading, lang)} />
              </h2>
              <SectionReviewed date={view.entity.lastReviewed.sections[g.heading]} />
              {g.sections.map((s) => (
                <ProfileSection
                  key={s.property.name}
                  entityId={view.entity.id}
                  section={s}
                  isOpen={open.has(s.property.name)}
                  onToggle={() => toggle(s.property.name)}
                  templateByName={templateByName}
                  entity={view.entity}
                  editHref={canEdit ? `/entities/${view.entity.id}/edit#field-${s.property.name}` : undefined}
                  onEdit={canEdit ? () => editSection(s.property.name) : undefined}
                  editor={
                    editing === s.property.name ? (
                      <Suspense fallback={<Loading />}>
                        <SectionEditor
                          entityId={view.entity.id}
                          property={s.property.name}
                          language={lang}
                          onDirty={(dirty) => {
                            editorDirty.current = dirty;
                          }}
                          onClose={() => closeEditor(s.property.name)}
                        />
                      </Suspense>
                    ) : undefined
                  }
                  onAddDocument={
                    canEdit &&
                    s.property.type === 'relationship' &&
                    profileTemplates.names !== undefined &&
                    s.property.targetTemplate === profileTemplates.names.document
                      ? () => setAdding(s.property)
                      : undefined
                  }
                />
              ))}
            </section>
          ))}
        </div>
      </div>
      <SectionSwitchDialog
        pending={switchTo && editing ? { from: labelOf(editing), to: labelOf(switchTo) } : null}
        onStay={keepEditing}
        onDiscard={discardAndSwitch}
      />
      {adding && templates && (
        <Suspense fallback={null}>
          <AddDocumentDialog
            profile={view.entity}
            profileTemplate={tpl}
            property={adding}
            templates={templates}
            documentTemplate={profileTemplates.names?.document ?? adding.targetTemplate ?? ''}
            onClose={() => setAdding(null)}
          />
        </Suspense>
      )}
    </article>
  );
}
