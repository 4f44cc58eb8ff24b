/** A minimal machine-translated page as a hand-off carries it: the front matter the provenance line reads, a title, a body. */
export const mtPage = (title: string, body: string, locale = 'nl-NL') =>
  `---\ntitle: ${title}\ndescription: D\nms.contentlocale: ${locale}\nms.translationtype: MT\nms.lasthandoff: 03/23/2021\nms.sourcegitcommit: 956176ed7c8b8427fdc655abcd1709d86da9447e\n---\n# ${title}\n\n${body}\n`;
