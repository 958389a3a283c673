import '@mantine/tiptap/styles.css';
import { Input } from '@mantine/core';
import { RichTextEditor, type RichTextEditorLabels } from '@mantine/tiptap';
import { useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect, useId } from 'react';
import { useLang } from '../i18n';

/**
 * The one rich-text editor of the SPA (forum posts, releases, minutes). It produces only the subset that
 * the server's sanitiser (src/server/core/richText.ts) keeps: paragraphs, h2-h4, bold, italics, underline,
 * strike, lists, links, quotes and code. Load the page that uses it lazily: Tiptap is heavy.
 */
export interface RichTextInputProps {
  label: string;
  value: string;
  onChange: (html: string) => void;
  error?: string | null;
  description?: string;
  required?: boolean;
  /** Minimum height of the writing area, in px. */
  minHeight?: number;
}

const idLabels: Partial<RichTextEditorLabels> = {
  boldControlLabel: 'Tebal',
  italicControlLabel: 'Miring',
  underlineControlLabel: 'Garis bawah',
  strikeControlLabel: 'Coret',
  h2ControlLabel: 'Judul 2',
  h3ControlLabel: 'Judul 3',
  h4ControlLabel: 'Judul 4',
  bulletListControlLabel: 'Daftar berbutir',
  orderedListControlLabel: 'Daftar bernomor',
  blockquoteControlLabel: 'Kutipan',
  codeControlLabel: 'Kode',
  linkControlLabel: 'Tautan',
  unlinkControlLabel: 'Hapus tautan',
  linkEditorInputLabel: 'Alamat tautan',
  linkEditorInputPlaceholder: 'https://contoh.go.id/',
  linkEditorSave: 'Simpan',
  undoControlLabel: 'Urungkan',
  redoControlLabel: 'Ulangi',
};

export function RichTextInput({ label, value, onChange, error, description, required, minHeight = 160 }: RichTextInputProps) {
  const lang = useLang();
  const labelId = useId();
  const errorId = useId();
  const editor = useEditor({
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3, 4] },
        link: { openOnClick: false, protocols: ['http', 'https', 'mailto'], autolink: true },
      }),
    ],
    content: value,
    immediatelyRender: false,
    editorProps: {
      attributes: {
        'aria-labelledby': labelId,
        'aria-multiline': 'true',
        role: 'textbox',
        ...(error ? { 'aria-invalid': 'true', 'aria-describedby': errorId } : {}),
        style: `min-height:${minHeight}px`,
      },
    },
    onUpdate: ({ editor: e }) => onChange(e.isEmpty ? '' : e.getHTML()),
  });

  // A value set from outside (a reset, a loaded draft) replaces the content; typing does not loop back.
  useEffect(() => {
    if (!editor) return;
    const current = editor.isEmpty ? '' : editor.getHTML();
    if (value !== current) editor.commands.setContent(value || '', { emitUpdate: false });
  }, [editor, value]);

  return (
    <Input.Wrapper
      label={<span id={labelId}>{label}</span>}
      description={description}
      required={required}
      error={error ? <span id={errorId}>{error}</span> : undefined}
    >
      <RichTextEditor editor={editor} labels={lang === 'id' ? idLabels : undefined} mt={4}>
        <RichTextEditor.Toolbar>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.Bold />
            <RichTextEditor.Italic />
            <RichTextEditor.Underline />
            <RichTextEditor.Strikethrough />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.H2 />
            <RichTextEditor.H3 />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.BulletList />
            <RichTextEditor.OrderedList />
            <RichTextEditor.Blockquote />
            <RichTextEditor.Code />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.Link />
            <RichTextEditor.Unlink />
          </RichTextEditor.ControlsGroup>
        </RichTextEditor.Toolbar>
        <RichTextEditor.Content />
      </RichTextEditor>
    </Input.Wrapper>
  );
}
