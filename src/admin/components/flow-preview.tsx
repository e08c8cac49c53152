import { Button, FocusModal, Heading, Tabs, Text } from "@medusajs/ui"
import { useState } from "react"
import { errorMessage, useFlowPreview } from "../lib/api"
import { LanguageSelect } from "./language-select"
import type { FlowView } from "../lib/types"

/**
 * A "Preview" button that opens the flow's email, rendered with sample data.
 * The modal's content only mounts while open, so the preview is fetched on demand.
 */
export const FlowPreview = ({ flow }: { flow: FlowView }) => {
  const [open, setOpen] = useState(false)

  return (
    <FocusModal open={open} onOpenChange={setOpen}>
      <FocusModal.Trigger asChild>
        <Button
          size="small"
          variant="secondary"
          data-testid={`pp-flow-${flow.key}-preview`}
          aria-label={`Preview ${flow.label}`}
        >
          Preview
        </Button>
      </FocusModal.Trigger>
      <FocusModal.Content data-testid="pp-preview">
        <FocusModal.Header>
          <Text size="small" className="text-ui-fg-subtle">
            Shown with sample order data
          </Text>
        </FocusModal.Header>
        <FocusModal.Body className="flex flex-col overflow-hidden">
          <PreviewBody flow={flow} />
        </FocusModal.Body>
      </FocusModal.Content>
    </FocusModal>
  )
}

const DEFAULT_LANGUAGE = "default"

const PreviewBody = ({ flow }: { flow: FlowView }) => {
  const [language, setLanguage] = useState(DEFAULT_LANGUAGE)
  const { data, isPending, isError, error } = useFlowPreview(flow.key, language === DEFAULT_LANGUAGE ? "" : language)

  return (
    <div className="flex flex-1 flex-col gap-y-4 overflow-hidden px-6 py-4">
      <div className="flex flex-col gap-y-1">
        <FocusModal.Title asChild>
          <Heading level="h2">Preview: {flow.label}</Heading>
        </FocusModal.Title>
        <FocusModal.Description className="txt-small text-ui-fg-subtle">
          {flow.description}
        </FocusModal.Description>
      </div>
      <LanguageSelect
        testId="pp-preview-language"
        label="Language"
        value={language}
        onChange={setLanguage}
        none={{ value: DEFAULT_LANGUAGE, label: "The shop’s default" }}
      />

      {isPending ? (
        <Text className="text-ui-fg-subtle">Loading preview…</Text>
      ) : isError ? (
        <Text className="text-ui-fg-error" role="alert">
          Could not load the preview: {errorMessage(error)}
        </Text>
      ) : (
        <>
          <Text data-testid="pp-preview-subject">
            <span className="text-ui-fg-subtle">Subject: </span>
            <span className="font-medium">{data.subject}</span>
          </Text>
          <Tabs defaultValue="html" className="flex flex-1 flex-col gap-y-3 overflow-hidden">
            <Tabs.List>
              <Tabs.Trigger value="html">Email</Tabs.Trigger>
              <Tabs.Trigger value="text">Plain text</Tabs.Trigger>
            </Tabs.List>
            <Tabs.Content value="html" className="flex-1 overflow-hidden">
              <iframe
                data-testid="pp-preview-frame"
                title={`${flow.label} email preview`}
                sandbox=""
                srcDoc={data.html}
                className="h-full min-h-[480px] w-full rounded-lg border bg-white"
              />
            </Tabs.Content>
            <Tabs.Content value="text" className="flex-1 overflow-auto">
              <pre
                data-testid="pp-preview-text"
                className="txt-small bg-ui-bg-subtle whitespace-pre-wrap rounded-lg border p-4 font-mono"
              >
                {data.text}
              </pre>
            </Tabs.Content>
          </Tabs>
        </>
      )}
    </div>
  )
}
